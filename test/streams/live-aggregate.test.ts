import { Subject } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { compiledAggregateQuery } from '../../src/compiler/compiled-aggregate-query.js'
import { pipelineReads } from '../../src/compiler/pipeline-reads.js'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import type { LiveEvent } from '../../src/dsl/runs-query-runtime.js'
import type { AnyStage } from '../../src/dsl/types/pipeline.js'
import { PipelineError } from '../../src/errors/pipeline-error.js'
import { liveAggregate } from '../../src/streams/live-aggregate.js'
import { makeRun } from '../../src/testing/make-run.js'
import { record } from '../support/recorder.js'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const live = (pipeline: AnyStage[]) => {
  const events = new Subject<LiveEvent>()
  const compiled = compiledAggregateQuery(
    createRunsQuery({ project: 'p' }).compile(),
    pipeline,
    pipelineReads(pipeline),
  )
  return { events, out: record(liveAggregate<Record<string, unknown>>(events, compiled)) }
}
const run = (id: string, opt: string, loss: number) => makeRun({ id, config: { opt }, summary: { loss } })

describe('liveAggregate', () => {
  it('applies one poll’s events as one batch and emits only changed results', async () => {
    const { events, out } = live([
      { $group: { _id: '$config.opt', n: { $count: {} }, best: { $min: '$summary.loss' } } },
    ])
    events.next({ type: 'snapshot', runs: [run('a', 'adam', 1), run('b', 'sgd', 2)] })
    await settle()
    expect(out.values).toEqual([
      [
        { _id: 'adam', n: 1, best: 1 },
        { _id: 'sgd', n: 1, best: 2 },
      ],
    ])
    // One poll: three events, synchronously. One emission.
    events.next({ type: 'changed', run: run('a', 'adam', 0.5) })
    events.next({ type: 'added', run: run('c', 'sgd', 3) })
    events.next({ type: 'removed', run: run('b', 'sgd', 2) })
    await settle()
    expect(out.values).toHaveLength(2)
    expect(out.values[1]).toEqual([
      { _id: 'adam', n: 1, best: 0.5 },
      { _id: 'sgd', n: 1, best: 3 },
    ])
    expect(Object.isFrozen(out.values[1])).toBe(true)
    // A change the result does not see emits nothing.
    events.next({
      type: 'changed',
      run: makeRun({ id: 'c', config: { opt: 'sgd' }, summary: { loss: 3, acc: 1 } }),
    })
    await settle()
    expect(out.values).toHaveLength(2)
    out.unsubscribe()
  })

  it('recomputes pipelines that do not group as a whole, and fails typed on bad data', async () => {
    const { events, out } = live([
      { $sort: { 'summary.loss': 1 } },
      { $limit: 1 },
      { $project: { _id: 0, id: 1 } },
    ])
    events.next({ type: 'snapshot', runs: [run('a', 'adam', 1), run('b', 'sgd', 2)] })
    events.next({ type: 'added', run: run('c', 'sgd', 0.1) })
    await settle()
    expect(out.values).toEqual([[{ id: 'c' }]])

    const broken = live([{ $bucket: { groupBy: '$summary.loss', boundaries: [0, 1] } }])
    broken.events.next({ type: 'snapshot', runs: [run('a', 'adam', 5)] })
    expect(await broken.out.failed()).toBeInstanceOf(PipelineError)
  })
})
