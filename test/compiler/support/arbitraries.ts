import fc from 'fast-check'
import type { Run } from '../../../src/codecs/run.js'
import { makeRun } from '../../../src/testing/make-run.js'

// Shared pools, so filters and runs hit the same values often enough for matches to happen.
export const STRINGS = [
  'a',
  'a1',
  'b',
  'adam',
  'sgd',
  'exp-1',
  'Exp-2',
  'baseline',
  'x.y',
  '',
  'eval',
] as const
export const NUMBERS = [0, -0, 1, -1, 0.1, 0.2, 0.5, 2, 3, 1e6] as const
const BASE = Date.UTC(2024, 0, 1)
export const DATE_OFFSETS = [0, 1, 500, 999, 1000, 1001, 1999, 2000, 60_000, -1, -1000, -1001] as const
export const REGEXES = [
  /a/,
  /^a/,
  /exp/,
  /xp-\d/,
  /b$/,
  /A/i,
  /a|b/,
  /[a-c]/,
  /\./,
  /(?:ex)p/,
  /\s/,
  /e.a/,
] as const

export const string = fc.constantFrom(...STRINGS)
const IDS = ['a1', 'b2', 'exp-1', 'x.y'] as const
// id and name share values often: a Run's name falls back to its id when W&B has no display name.
const idLike = fc.oneof(fc.constantFrom(...IDS), string)
export const number = fc.oneof(fc.constantFrom(...NUMBERS), fc.integer({ min: -5, max: 5 }))
export const date = (secondsOnly: boolean) =>
  fc
    .constantFrom(...DATE_OFFSETS)
    .map((ms) => new Date(secondsOnly ? Math.floor((BASE + ms) / 1000) * 1000 : BASE + ms))
export const scalar = fc.oneof(string, number, fc.boolean(), fc.constant(null))
export const jsonValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(fc.oneof(string, number), { maxLength: 3 }) },
  // fast-check builds null-prototype objects; decoded runs (JSON.parse) never hold those.
  {
    weight: 1,
    arbitrary: fc.record({ lr: number, name: string }, { requiredKeys: [] }).map((o) => ({ ...o })),
  },
)

const CONFIG_KEYS = ['lr', 'opt', 'layers', 'name', 'flag'] as const
const SUMMARY_KEYS = ['loss', 'acc', 'eval/loss', 'epoch', 'nested'] as const

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })

/** Random fixture runs over the shared pools (no NaN: see mingo-semantics.test.ts). */
export const runArb = (secondsOnly: boolean): fc.Arbitrary<Run> =>
  fc
    .record({
      id: fc.constantFrom(...IDS),
      name: idLike,
      state: fc.constantFrom('finished', 'running', 'crashed', 'failed'),
      tags: fc.subarray(['a', 'b', 'baseline', 'eval']),
      group: maybe(string),
      jobType: maybe(string),
      sweepName: maybe(string),
      username: maybe(string),
      createdAt: date(secondsOnly),
      heartbeatAt: date(secondsOnly),
      config: fc
        .dictionary(fc.constantFrom(...CONFIG_KEYS), jsonValue, { maxKeys: 4 })
        .map((o) => ({ ...o })),
      summary: fc
        .dictionary(fc.constantFrom(...SUMMARY_KEYS), jsonValue, { maxKeys: 4 })
        .map((o) => ({ ...o })),
      gpu: fc.option(number, { nil: undefined }),
    })
    .map(({ username, gpu, ...fields }) =>
      makeRun({ ...fields, user: { username }, systemMetrics: gpu === undefined ? {} : { gpu } }),
    )

type Clause = Record<string, unknown>

const STRING_PATHS = ['state', 'group', 'jobType', 'sweepName', 'user.username', 'notes'] as const
const JSON_PATHS = [
  'config.lr',
  'config.opt',
  'config.opt.lr',
  'config.layers',
  'config.name',
  'config.flag',
  'summary.loss',
  'summary.acc',
  'summary.eval/loss',
  'summary.nested.name',
  'systemMetrics.gpu',
] as const
const DATE_PATHS = ['createdAt', 'heartbeatAt'] as const

const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 })

/** Operator expressions for a value arbitrary (what any field can take). */
function conditionArb(
  value: fc.Arbitrary<unknown>,
  comparable: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const expr = fc.oneof(
    value.map(($eq) => ({ $eq })),
    value.map(($ne) => ({ $ne })),
    comparable.map(($gt) => ({ $gt })),
    comparable.map(($gte) => ({ $gte })),
    comparable.map(($lt) => ({ $lt })),
    comparable.map(($lte) => ({ $lte })),
    list(value).map(($in) => ({ $in })),
    list(value).map(($nin) => ({ $nin })),
    fc.boolean().map(($exists) => ({ $exists })),
    fc.constantFrom(...REGEXES).map(($regex) => ({ $regex })),
    fc.integer({ min: 0, max: 3 }).map(($size) => ({ $size })),
    list(string).map(($all) => ({ $all })),
    fc.constantFrom(0, 1).map((r) => ({ $mod: [2, r] })),
    fc.constantFrom('string', 'number', 'null', 'array', 'bool').map(($type) => ({ $type })),
  )
  const range = fc.tuple(comparable, comparable).map(([a, b]) => ({ $gte: a, $lt: b }))
  const not = fc.oneof(expr, fc.constantFrom(...REGEXES)).map(($not) => ({ $not }))
  return fc.oneof(
    { weight: 3, arbitrary: value },
    { weight: 6, arbitrary: expr },
    { weight: 1, arbitrary: range },
    { weight: 1, arbitrary: not },
  )
}

/** One `{ path: condition }` clause over the supported grammar. */
export const clauseArb = (secondsOnly: boolean): fc.Arbitrary<Clause> =>
  fc
    .oneof(
      fc.tuple(fc.constantFrom(...STRING_PATHS), conditionArb(fc.oneof(string, fc.constant(null)), string)),
      fc.tuple(fc.constantFrom('id', 'name'), conditionArb(fc.oneof(idLike, fc.constant(null)), idLike)),
      fc.tuple(fc.constant('tags'), conditionArb(fc.oneof(string, fc.constant(null)), string)),
      fc.tuple(
        fc.constant('tags'),
        fc.constantFrom(
          { $elemMatch: { $eq: 'a' } },
          { $elemMatch: { $in: ['a', 'b'] } },
          { $all: ['a', 'b'] },
        ),
      ),
      fc.tuple(fc.constantFrom(...JSON_PATHS), conditionArb(jsonValue, fc.oneof(number, string))),
      fc.tuple(fc.constantFrom(...DATE_PATHS), conditionArb(date(secondsOnly), date(secondsOnly))),
      fc.tuple(
        fc.constantFrom(...DATE_PATHS),
        fc.boolean().map(($exists) => ({ $exists })),
      ),
    )
    .map(([path, condition]) => ({ [path]: condition }))

/** A whole filter: clauses merged into one object or joined by $and/$or/$nor, nested twice at most. */
export const filterArb = (secondsOnly: boolean): fc.Arbitrary<Clause> => {
  const { filter } = fc.letrec<{ filter: Clause; node: Clause }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      clauseArb(secondsOnly),
      fc
        .tuple(fc.constantFrom('$and', '$or', '$nor'), fc.array(tie('node'), { minLength: 1, maxLength: 3 }))
        .map(([op, children]) => ({ [op]: children })),
    ),
    filter: fc.array(tie('node'), { minLength: 0, maxLength: 3 }).map((clauses) => {
      const keys = clauses.flatMap((c) => Object.keys(c))
      return new Set(keys).size === keys.length ? Object.assign({}, ...clauses) : { $and: clauses }
    }),
  }))
  return filter
}

/** Filters over `id` and `name` only, with values shared with run ids (the display-name fallback). */
export const idNameFilterArb: fc.Arbitrary<Clause> = fc
  .array(fc.tuple(fc.constantFrom('id', 'name'), conditionArb(fc.oneof(idLike, fc.constant(null)), idLike)), {
    minLength: 1,
    maxLength: 2,
  })
  .map((pairs) => ({ $and: pairs.map(([path, condition]) => ({ [path]: condition })) }))
