import { describe, expect, it } from 'vitest'
import { aggregateRuns } from '../../src/compiler/aggregate-runs.js'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import { parsePipeline } from '../../src/dsl/parsers/pipeline-parser.js'
import { FilterCompileError } from '../../src/errors/filter-compile-error.js'
import { makeRun } from '../../src/testing/make-run.js'

const failure = (pipeline: unknown): FilterCompileError => {
  try {
    parsePipeline(pipeline)
  } catch (error) {
    if (error instanceof FilterCompileError) return error
    throw error
  }
  throw new Error(`accepted ${JSON.stringify(pipeline)}`)
}

describe('parsePipeline rejects, naming the path', () => {
  it.each<[string, unknown, string, RegExp]>([
    [
      '$function in an accumulator',
      [{ $group: { _id: null, best: { $function: {} } } }],
      'pipeline.0.$group.best.$function',
      /runs code/,
    ],
    [
      '$accumulator',
      [{ $group: { _id: null, x: { $accumulator: {} } } }],
      'pipeline.0.$group.x.$accumulator',
      /runs code/,
    ],
    [
      '$function in an expression',
      [{ $match: {} }, { $project: { x: { $function: {} } } }],
      'pipeline.1.$project.x.$function',
      /runs code/,
    ],
    ['$where in $match', [{ $match: { $where: 'this.a' } }], 'pipeline.0.$match.$where', /runs code/],
    ['$lookup', [{ $lookup: { from: 'x' } }], 'pipeline.0.$lookup', /other collections/],
    ['$graphLookup', [{ $graphLookup: {} }], 'pipeline.0.$graphLookup', /other collections/],
    ['$unionWith', [{ $unionWith: 'x' }], 'pipeline.0.$unionWith', /other collections/],
    ['$out', [{ $out: 'x' }], 'pipeline.0.$out', /other collections/],
    ['$merge', [{ $merge: 'x' }], 'pipeline.0.$merge', /other collections/],
    ['$documents', [{ $documents: [] }], 'pipeline.0.$documents', /other collections/],
    [
      'a collection stage inside $facet',
      [{ $facet: { a: [{ $out: 'x' }] } }],
      'pipeline.0.$facet.a.0.$out',
      /other collections/,
    ],
    [
      'a misspelled stage',
      [{ $gruop: {} }],
      'pipeline.0.$gruop',
      /unknown stage \$gruop \(did you mean \$group\?\)/,
    ],
    [
      'a misspelled accumulator',
      [{ $group: { _id: null, x: { $avgg: '$a' } } }],
      'pipeline.0.$group.x.$avgg',
      /did you mean \$avg\?/,
    ],
    [
      'a misspelled expression operator',
      [{ $project: { x: { $mulitply: [1, 2] } } }],
      'pipeline.0.$project.x.$mulitply',
      /did you mean \$multiply\?/,
    ],
    [
      'an unknown query operator after the first stage',
      [{ $count: 'n' }, { $match: { n: { $gtt: 1 } } }],
      'pipeline.1.$match.n.$gtt',
      /did you mean \$gt\?/,
    ],
    [
      'an unknown window operator',
      [{ $setWindowFields: { output: { n: { $shiftt: {} } } } }],
      'pipeline.0.$setWindowFields.output.n.$shiftt',
      /did you mean \$shift\?/,
    ],
    [
      'an expression where an accumulator goes',
      [{ $group: { _id: null, x: '$summary.loss' } }],
      'pipeline.0.$group.x',
      /one accumulator/,
    ],
    ['two operators in a stage', [{ $match: {}, $limit: 1 }], 'pipeline.0', /exactly one/],
    ['a non-array pipeline', { $match: {} }, 'pipeline', /array of stages/],
    ['$group without _id', [{ $group: { n: { $sum: 1 } } }], 'pipeline.0.$group._id', /needs an _id/],
    ['a bad sort direction', [{ $sort: { a: 'asc' } }], 'pipeline.0.$sort.a', /1 or -1/],
    ['a bad $limit', [{ $limit: 0 }], 'pipeline.0.$limit', /integer/],
    ['a function value', [{ $project: { x: () => 1 } }], 'pipeline.0.$project.x', /never code/],
  ])('%s', (_name, pipeline, path, reason) => {
    const error = failure(pipeline)
    expect(error.path).toBe(path)
    expect(error.reason).toMatch(reason)
  })
})

describe('parsePipeline accepts', () => {
  it('field paths, variables and $literal contents, and deep-freezes a copy', () => {
    const input = [
      { $project: { x: { $literal: { $anything: 1 } }, y: '$$ROOT.summary', z: '$summary.$weird' } },
    ]
    const parsed = parsePipeline(input)
    expect(parsed).toEqual(input)
    expect(parsed).not.toBe(input)
    expect(Object.isFrozen(parsed[0]?.['$project'])).toBe(true)
  })
})

describe('aggregate() validation and $match merging', () => {
  const query = createRunsQuery({ entity: 'e', project: 'p' })

  it('merges leading $match stages into where(), validated as filters with their pipeline path', () => {
    const agg = query
      .where({ tags: 'x' })
      .aggregate([
        { $match: { state: 'finished' } },
        { $match: { 'summary.loss': { $lt: 1 } } },
        { $count: 'n' },
        { $match: { n: { $gt: 0 } } },
      ])
    expect(agg.pipeline).toEqual([{ $count: 'n' }, { $match: { n: { $gt: 0 } } }])
    expect(JSON.parse(agg.compile().runs.variables.filters)).toEqual({
      tags: 'x',
      state: 'finished',
      'summary_metrics.loss': { $lt: 1 },
    })
    expect(() => query.aggregate([{ $match: {} }, { $match: { foo: 1 } }])).toThrow(
      expect.objectContaining({ path: expect.stringMatching(/^pipeline\.1\.\$match\.foo/) }),
    )
  })

  it('lists light runs when the pipeline reads no config, summary or system metrics', () => {
    expect(query.aggregate([{ $sortByCount: '$state' }]).compile().runs.lazy).toBe(true)
    expect(query.aggregate([{ $count: 'n' }]).compile().runs.document).toContain('LightRunFields')
    expect(query.aggregate([{ $group: { _id: '$config.opt' } }]).compile().runs.lazy).toBe(false)
    expect(query.aggregate([{ $sort: { createdAt: 1 } }]).compile().runs.lazy).toBe(false)
    // A client residual may read the summary: keep the full fragment.
    expect(query.where({ 'summary.loss': { $type: 'number' } }).compile().residual).not.toBeNull()
    expect(
      query
        .where({ 'summary.loss': { $type: 'number' } })
        .aggregate([{ $count: 'n' }])
        .compile().runs.lazy,
    ).toBe(false)
    expect(() => query.lazy().aggregate([{ $group: { _id: null, m: { $avg: '$summary.loss' } } }])).toThrow(
      expect.objectContaining({
        path: 'lazy',
        reason: expect.stringMatching(/reads summary.*drop \.lazy\(\)/),
      }),
    )
  })

  it('keeps a leading $match that uses $expr on the client', () => {
    const agg = query.aggregate([{ $match: { $expr: { $lt: ['$summary.loss', '$summary.best'] } } }])
    expect(agg.pipeline).toHaveLength(1)
    expect(agg.compile().runs.variables.filters).toBe('{}')
    const runs = [
      makeRun({ id: 'a', summary: { loss: 1, best: 2 } }),
      makeRun({ id: 'b', summary: { loss: 3, best: 2 } }),
    ]
    expect(aggregateRuns(runs, [...agg.pipeline, { $project: { _id: 0, id: 1 } }])).toEqual([{ id: 'a' }])
  })
})
