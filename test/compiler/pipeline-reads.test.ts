import { describe, expect, it } from 'vitest'
import { aggregateRuns } from '../../src/compiler/aggregate-runs.js'
import { pickFields } from '../../src/compiler/pick-fields.js'
import { pipelineReads } from '../../src/compiler/pipeline-reads.js'
import { runPipeline } from '../../src/compiler/run-pipeline.js'
import type { AnyStage } from '../../src/dsl/types/pipeline.js'
import { parsePipeline } from '../../src/dsl/parsers/pipeline-parser.js'
import { makeRun } from '../../src/testing/make-run.js'

const CASES: [string, AnyStage[], readonly string[] | null][] = [
  [
    '$group paths',
    [{ $group: { _id: '$config.optimizer', loss: { $avg: '$summary.loss' } } }],
    ['config', 'summary'],
  ],
  [
    '$group with $top sortBy names',
    [{ $group: { _id: null, best: { $top: { sortBy: { 'summary.loss': 1 }, output: '$id' } } } }],
    ['id', 'summary'],
  ],
  [
    '$bucket',
    [
      {
        $bucket: {
          groupBy: '$summary.loss',
          boundaries: [0, 1],
          default: 'x',
          output: { d: { $min: '$createdAt' } },
        },
      },
    ],
    ['createdAt', 'summary'],
  ],
  ['$sortByCount', [{ $sortByCount: '$state' }], ['state']],
  ['$count reads nothing', [{ $count: 'n' }], []],
  [
    'an inclusion $project',
    [{ $project: { _id: 0, id: 1, 'config.lr': 1, metrics: { loss: '$summary.loss' } } }],
    ['config', 'id', 'metrics', 'summary'],
  ],
  ['an exclusion $project keeps everything', [{ $project: { config: 0 } }], null],
  ['$$ROOT keeps everything', [{ $group: { _id: null, runs: { $push: '$$ROOT' } } }], null],
  ['$getField keeps everything', [{ $project: { x: { $getField: 'summary' } } }], null],
  [
    'a pass-through first stage keeps everything',
    [{ $sort: { createdAt: 1 } }, { $group: { _id: '$state' } }],
    null,
  ],
  ['$literal contents are not paths', [{ $project: { x: { $literal: '$summary' }, id: 1 } }], ['id']],
]

describe('pipelineReads', () => {
  it.each(CASES)('%s', (_name, pipeline, reads) => {
    expect(pipelineReads(pipeline)).toEqual(reads)
  })

  it('keeping only those fields gives the same result as whole runs', () => {
    const runs = [
      makeRun({ id: 'a', state: 'running', config: { optimizer: 'adam', lr: 0.1 }, summary: { loss: 0.5 } }),
      makeRun({
        id: 'b',
        config: { optimizer: 'sgd', lr: 0.2 },
        summary: { loss: 2 },
        createdAt: '2024-03-01',
      }),
    ]
    for (const [name, pipeline, reads] of CASES) {
      const stages = parsePipeline(pipeline)
      const picked = runs.map((run) => pickFields(run, reads))
      expect(runPipeline(picked, stages), name).toEqual(aggregateRuns(runs, stages))
    }
  })
})
