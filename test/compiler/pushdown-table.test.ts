import { describe, expect, it } from 'vitest'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import type { Filter } from '../../src/dsl/types/filter.js'

interface Case {
  readonly filter: Filter
  /** The `filters` variable, parsed: what W&B receives (server field names). */
  readonly server: Record<string, unknown>
  /** The client residual (Run field names), or null when the server does everything. */
  readonly residual: Record<string, unknown> | null
}

const compile = (filter: Filter) =>
  createRunsQuery({ entity: 'team', project: 'mnist' }).where(filter).compile()
const D = new Date('2024-05-01T10:00:00.250Z')

const families: Record<string, Record<string, Case>> = {
  'equality (field mapping)': {
    state: { filter: { state: 'finished' }, server: { state: 'finished' }, residual: null },
    'id -> name': { filter: { id: 'a1b2' }, server: { name: 'a1b2' }, residual: null },
    'name -> display_name, or the id it falls back to': {
      filter: { name: 'exp-1' },
      server: { $or: [{ display_name: 'exp-1' }, { name: 'exp-1' }] },
      residual: { name: { $eq: 'exp-1' } },
    },
    group: { filter: { group: 'g' }, server: { group: 'g' }, residual: null },
    jobType: { filter: { jobType: 'train' }, server: { jobType: 'train' }, residual: null },
    'sweepName -> sweep': { filter: { sweepName: 'sw1' }, server: { sweep: 'sw1' }, residual: null },
    'user.username -> username': {
      filter: { 'user.username': 'ada' },
      server: { username: 'ada' },
      residual: null,
    },
    'tags membership': { filter: { tags: 'baseline' }, server: { tags: 'baseline' }, residual: null },
    'config.k -> config.k.value': {
      filter: { 'config.optimizer': 'adam' },
      server: { 'config.optimizer.value': 'adam' },
      residual: null,
    },
    'nested config': {
      filter: { 'config.opt.lr': 0.1 },
      server: { 'config.opt.value.lr': 0.1 },
      residual: null,
    },
    'summary.k -> summary_metrics.k': {
      filter: { 'summary.epoch': 3 },
      server: { 'summary_metrics.epoch': 3 },
      residual: null,
    },
    'summary key with a slash': {
      filter: { 'summary.eval/loss': 0.5 },
      server: { 'summary_metrics.eval/loss': 0.5 },
      residual: null,
    },
    'boolean config': {
      filter: { 'config.flag': true },
      server: { 'config.flag.value': true },
      residual: null,
    },
    'explicit $eq': { filter: { state: { $eq: 'running' } }, server: { state: 'running' }, residual: null },
    'null equality (missing vs null)': {
      filter: { group: null },
      server: {},
      residual: { group: { $eq: null } },
    },
    'number on a string field': {
      filter: { 'config.k': { $eq: [1, 2] } },
      server: {},
      residual: { 'config.k': { $eq: [1, 2] } },
    },
    'object equality': {
      filter: { 'config.opt': { lr: 1 } },
      server: {},
      residual: { 'config.opt': { $eq: { lr: 1 } } },
    },
    'tags array equality': {
      filter: { tags: ['a', 'b'] },
      server: {},
      residual: { tags: { $eq: ['a', 'b'] } },
    },
    'Infinity is not JSON': {
      filter: { 'summary.loss': Infinity },
      server: {},
      residual: { 'summary.loss': { $eq: Infinity } },
    },
  },
  'negation ($ne, $nin)': {
    'id $ne': { filter: { id: { $ne: 'x' } }, server: { name: { $ne: 'x' } }, residual: null },
    'state $nin': {
      filter: { state: { $nin: ['crashed', 'failed'] } },
      server: { state: { $nin: ['crashed', 'failed'] } },
      residual: null,
    },
    'name $ne (display_name may be null)': {
      filter: { name: { $ne: 'x' } },
      server: {},
      residual: { name: { $ne: 'x' } },
    },
    'group $ne (nullable)': {
      filter: { group: { $ne: 'g' } },
      server: {},
      residual: { group: { $ne: 'g' } },
    },
    'tags $nin': { filter: { tags: { $nin: ['bad'] } }, server: {}, residual: { tags: { $nin: ['bad'] } } },
    'config $ne (may be missing)': {
      filter: { 'config.lr': { $ne: 1 } },
      server: {},
      residual: { 'config.lr': { $ne: 1 } },
    },
  },
  'membership ($in)': {
    'state $in': {
      filter: { state: { $in: ['running', 'pending'] } },
      server: { state: { $in: ['running', 'pending'] } },
      residual: null,
    },
    'tags $in': {
      filter: { tags: { $in: ['a', 'b'] } },
      server: { tags: { $in: ['a', 'b'] } },
      residual: null,
    },
    'config numbers $in': {
      filter: { 'config.bs': { $in: [32, 64] } },
      server: { 'config.bs.value': { $in: [32, 64] } },
      residual: null,
    },
    '$in with null': {
      filter: { group: { $in: ['a', null] } },
      server: {},
      residual: { group: { $in: ['a', null] } },
    },
    'empty $in': { filter: { state: { $in: [] } }, server: {}, residual: { state: { $in: [] } } },
    '$in with a RegExp': {
      filter: { name: { $in: [/exp/] } },
      server: {},
      residual: { name: { $in: [/exp/] } },
    },
  },
  'comparison ($gt $gte $lt $lte)': {
    'summary $lt: pushed and re-checked': {
      filter: { 'summary.loss': { $lt: 0.2 } },
      server: { 'summary_metrics.loss': { $lt: 0.2 } },
      residual: { 'summary.loss': { $lt: 0.2 } },
    },
    'config range merges on one path': {
      filter: { 'config.lr': { $gte: 0.001, $lt: 0.1 } },
      server: { 'config.lr.value': { $gte: 0.001, $lt: 0.1 } },
      residual: { 'config.lr': { $gte: 0.001, $lt: 0.1 } },
    },
    'string comparison (collation)': {
      filter: { name: { $gt: 'm' } },
      server: {},
      residual: { name: { $gt: 'm' } },
    },
    'summary compared with a string': {
      filter: { 'summary.v': { $gt: 'b' } },
      server: {},
      residual: { 'summary.v': { $gt: 'b' } },
    },
    'createdAt $gt: widened a second': {
      filter: { createdAt: { $gt: D } },
      server: { createdAt: { $gt: '2024-05-01T09:59:59Z' } },
      residual: { createdAt: { $gt: D } },
    },
    'heartbeatAt $lte: widened, or createdAt it falls back to': {
      filter: { heartbeatAt: { $lte: D } },
      server: {
        $or: [
          { heartbeatAt: { $lt: '2024-05-01T10:00:02Z' } },
          { createdAt: { $lt: '2024-05-01T10:00:02Z' } },
        ],
      },
      residual: { heartbeatAt: { $lte: D } },
    },
    'createdAt equality: a window': {
      filter: { createdAt: D },
      server: { createdAt: { $gt: '2024-05-01T09:59:59Z', $lt: '2024-05-01T10:00:02Z' } },
      residual: { createdAt: { $eq: D } },
    },
    'date $in runs on the client': {
      filter: { createdAt: { $in: [D] } },
      server: {},
      residual: { createdAt: { $in: [D] } },
    },
  },
  'element ($exists, $type)': {
    'summary $exists': {
      filter: { 'summary.loss': { $exists: true } },
      server: { 'summary_metrics.loss': { $exists: true } },
      residual: null,
    },
    'config $exists false': {
      filter: { 'config.seed': { $exists: false } },
      server: { 'config.seed.value': { $exists: false } },
      residual: null,
    },
    'group $exists (null vs missing)': {
      filter: { group: { $exists: true } },
      server: {},
      residual: { group: { $exists: true } },
    },
    $type: {
      filter: { 'summary.loss': { $type: 'number' } },
      server: {},
      residual: { 'summary.loss': { $type: 'number' } },
    },
  },
  'regex ($regex)': {
    'unanchored: RE2 pre-filter + re-check': {
      filter: { name: /exp-\d+/ },
      server: { $or: [{ display_name: { $regex: 'exp-\\d+' } }, { name: { $regex: 'exp-\\d+' } }] },
      residual: { name: { $regex: /exp-\d+/ } },
    },
    'anchored ^': { filter: { name: /^exp/ }, server: {}, residual: { name: { $regex: /^exp/ } } },
    'anchored $': { filter: { group: { $regex: 'a$' } }, server: {}, residual: { group: { $regex: /a$/ } } },
    'flags (i)': { filter: { name: /exp/i }, server: {}, residual: { name: { $regex: /exp/i } } },
    'string + $options': {
      filter: { name: { $regex: 'exp', $options: 'i' } },
      server: {},
      residual: { name: { $regex: /exp/i } },
    },
    'tags regex': {
      filter: { tags: /base/ },
      server: { tags: { $regex: 'base' } },
      residual: { tags: { $regex: /base/ } },
    },
    'config regex': {
      filter: { 'config.arch': /resnet/ },
      server: { 'config.arch.value': { $regex: 'resnet' } },
      residual: { 'config.arch': { $regex: /resnet/ } },
    },
    'lookahead is not RE2': {
      filter: { name: /a(?=b)/ },
      server: {},
      residual: { name: { $regex: /a(?=b)/ } },
    },
    '\\s differs in RE2': { filter: { name: /a\sb/ }, server: {}, residual: { name: { $regex: /a\sb/ } } },
    'anchor inside a class is fine': {
      filter: { group: /[^a]b/ },
      server: { group: { $regex: '[^a]b' } },
      residual: { group: { $regex: /[^a]b/ } },
    },
  },
  'array ($size $all $elemMatch)': {
    $size: { filter: { tags: { $size: 2 } }, server: {}, residual: { tags: { $size: 2 } } },
    $all: { filter: { tags: { $all: ['a', 'b'] } }, server: {}, residual: { tags: { $all: ['a', 'b'] } } },
    $elemMatch: {
      filter: { 'config.layers': { $elemMatch: { $gt: 64 } } },
      server: {},
      residual: { 'config.layers': { $elemMatch: { $gt: 64 } } },
    },
  },
  'evaluation ($mod, $not)': {
    $mod: {
      filter: { 'config.seed': { $mod: [2, 0] } },
      server: {},
      residual: { 'config.seed': { $mod: [2, 0] } },
    },
    $not: {
      filter: { 'config.lr': { $not: { $gt: 0.1 } } },
      server: {},
      residual: { 'config.lr': { $not: { $gt: 0.1 } } },
    },
    '$not regex': {
      filter: { name: { $not: /tmp/ } },
      server: {},
      residual: { name: { $not: { $regex: /tmp/ } } },
    },
  },
  'client-only fields': {
    systemMetrics: {
      filter: { 'systemMetrics.gpu': { $gt: 50 } },
      server: {},
      residual: { 'systemMetrics.gpu': { $gt: 50 } },
    },
    notes: { filter: { notes: 'x' }, server: {}, residual: { notes: { $eq: 'x' } } },
    historyLineCount: {
      filter: { historyLineCount: { $gt: 10 } },
      server: {},
      residual: { historyLineCount: { $gt: 10 } },
    },
    'user.name': { filter: { 'user.name': 'Ada' }, server: {}, residual: { 'user.name': { $eq: 'Ada' } } },
    'config array index': {
      filter: { 'config.layers.0': 64 },
      server: {},
      residual: { 'config.layers.0': { $eq: 64 } },
    },
    'config._wandb (stripped from Run)': {
      filter: { 'config._wandb.x': 1 },
      server: {},
      residual: { 'config._wandb.x': { $eq: 1 } },
    },
  },
  'logical ($and $or $nor)': {
    'top-level keys AND': {
      filter: { state: 'finished', 'systemMetrics.gpu': { $gt: 1 } },
      server: { state: 'finished' },
      residual: { 'systemMetrics.gpu': { $gt: 1 } },
    },
    '$and flattens into conjuncts': {
      filter: { $and: [{ tags: 'a' }, { $and: [{ tags: 'b' }, { 'systemMetrics.gpu': 1 }] }] },
      server: { $and: [{ tags: 'a' }, { tags: 'b' }] },
      residual: { 'systemMetrics.gpu': { $eq: 1 } },
    },
    '$or of exact branches': {
      filter: { $or: [{ state: 'crashed' }, { tags: 'retry' }] },
      server: { $or: [{ state: 'crashed' }, { tags: 'retry' }] },
      residual: null,
    },
    '$or with a superset branch: pushed and re-checked': {
      filter: { $or: [{ state: 'crashed' }, { 'summary.loss': { $gt: 1 } }] },
      server: { $or: [{ state: 'crashed' }, { 'summary_metrics.loss': { $gt: 1 } }] },
      residual: { $or: [{ state: { $eq: 'crashed' } }, { 'summary.loss': { $gt: 1 } }] },
    },
    '$or with a client-only branch goes to the residual whole': {
      filter: { $or: [{ state: 'crashed' }, { tags: { $size: 0 } }] },
      server: {},
      residual: { $or: [{ state: { $eq: 'crashed' } }, { tags: { $size: 0 } }] },
    },
    '$or branch keeps its pushable part as a pre-filter': {
      filter: { $or: [{ state: 'crashed' }, { tags: 'a', 'systemMetrics.gpu': 1 }] },
      server: { $or: [{ state: 'crashed' }, { tags: 'a' }] },
      residual: {
        $or: [{ state: { $eq: 'crashed' } }, { tags: { $eq: 'a' }, 'systemMetrics.gpu': { $eq: 1 } }],
      },
    },
    '$nor of exact branches': {
      filter: { $nor: [{ state: 'crashed' }] },
      server: { $nor: [{ state: 'crashed' }] },
      residual: null,
    },
    '$nor with a superset branch runs on the client': {
      filter: { $nor: [{ 'summary.loss': { $gt: 1 } }] },
      server: {},
      residual: { $nor: [{ 'summary.loss': { $gt: 1 } }] },
    },
    'empty filter': { filter: {}, server: {}, residual: null },
  },
}

describe.each(Object.entries(families))('%s', (_family, cases) => {
  it.each(Object.entries(cases))('%s', (_name, { filter, server, residual }) => {
    const compiled = compile(filter)
    expect(JSON.parse(compiled.variables.filters)).toEqual(server)
    expect(compiled.serverFilter).toEqual(server)
    expect(compiled.residual).toEqual(residual)
  })
})

describe('several where() calls', () => {
  it('AND together, each conjunct placed on its own', () => {
    const compiled = createRunsQuery({ project: 'p' })
      .where({ state: 'finished' })
      .where((f) => f.summary('loss').lt(0.2))
      .where({ 'systemMetrics.gpu': { $gt: 10 } })
      .compile()
    expect(compiled.variables.filters).toBe('{"state":"finished","summary_metrics.loss":{"$lt":0.2}}')
    expect(compiled.residual).toEqual({ 'summary.loss': { $lt: 0.2 }, 'systemMetrics.gpu': { $gt: 10 } })
    expect(compiled.placements.map((p) => p.placement)).toEqual(['server', 'server+client', 'client'])
  })
})
