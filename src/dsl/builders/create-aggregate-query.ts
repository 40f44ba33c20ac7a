import { defer, lastValueFrom, map, mergeMap, toArray, type Observable } from 'rxjs'
import {
  compiledAggregateQuery,
  type CompiledAggregateQuery,
} from '../../compiler/compiled-aggregate-query.js'
import { pickFields } from '../../compiler/pick-fields.js'
import { pipelineReads } from '../../compiler/pipeline-reads.js'
import { runPipeline } from '../../compiler/run-pipeline.js'
import { liveAggregate } from '../../streams/live-aggregate.js'
import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { parseFilter } from '../parsers/filter-parser.js'
import { parsePipeline } from '../parsers/pipeline-parser.js'
import type { LiveOptions } from '../runs-query-runtime.js'
import type { AnyStage } from '../types/pipeline.js'
import type { AggregateQuery } from './aggregate-query.js'
import type { RunsQuery } from './runs-query.js'

// What the light fragment of `.lazy()` listings leaves empty.
const HEAVY_FIELDS = new Set(['config', 'summary', 'systemMetrics', 'lastHistoryStep'])

const usesExpr = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Object.entries(value).some(([key, child]) => key === '$expr' || usesExpr(child))

class AggregateQueryImpl<T> implements AggregateQuery<T> {
  readonly runs: RunsQuery
  readonly pipeline: readonly AnyStage[]
  #compiled: CompiledAggregateQuery | undefined

  constructor(runs: RunsQuery, pipeline: readonly AnyStage[]) {
    this.runs = runs
    this.pipeline = pipeline
    Object.freeze(this)
  }

  compile(): CompiledAggregateQuery {
    this.#compiled ??= compiledAggregateQuery(
      this.runs.compile(),
      this.pipeline,
      pipelineReads(this.pipeline),
    )
    return this.#compiled
  }

  stream(): Observable<T> {
    return defer(() => {
      const { pipeline, reads } = this.compile()
      return this.runs.stream().pipe(
        map((run) => pickFields(run, reads)),
        toArray(),
        mergeMap((docs) => runPipeline<T>(docs, pipeline)),
      )
    })
  }

  toArray(): Promise<T[]> {
    return lastValueFrom(this.stream().pipe(toArray()))
  }

  async *[Symbol.asyncIterator](): AsyncIterableIterator<T> {
    const { pipeline, reads } = this.compile()
    const docs: object[] = []
    for await (const run of this.runs) docs.push(pickFields(run, reads))
    yield* runPipeline<T>(docs, pipeline)
  }

  live(options: LiveOptions = {}): Observable<readonly T[]> {
    return defer(() => liveAggregate<T>(this.runs.live(options), this.compile()))
  }
}

/**
 * Validates a pipeline and builds the {@link AggregateQuery} of `query.aggregate(pipeline)`:
 * leading `$match` stages (without `$expr`) are parsed as filters in Run names and ANDed into
 * the runs query's `where`, so the compiler pushes them down; the rest stays for mingo. A
 * pipeline that reads no config, summary or system metrics lists runs with the light fragment
 * (`.lazy()`); one that reads them on a `.lazy()` query is a {@link FilterCompileError}.
 *
 * @example
 * ```ts
 * const q = createAggregateQuery(api.runs('team/mnist'), [{ $match: { state: 'finished' } }, { $count: 'n' }])
 * q.compile().runs.variables.filters // '{"state":"finished"}'
 * q.pipeline                         // [{ $count: 'n' }]
 * ```
 * @internal
 */
export function createAggregateQuery<T>(runs: RunsQuery, pipeline: unknown): AggregateQuery<T> {
  const stages = parsePipeline(pipeline)
  let query = runs
  let merged = 0
  for (const stage of stages) {
    const match = stage['$match']
    if (match === undefined || usesExpr(match)) break
    const node = parseFilter(match, `pipeline.${merged}.$match`)
    query = query.where(() => node)
    merged++
  }
  const rest = stages.slice(merged)
  const heavy = pipelineReads(rest)?.filter((field) => HEAVY_FIELDS.has(field))
  if (heavy?.length && query.node.lazy)
    throw new FilterCompileError(
      'lazy',
      `the pipeline reads ${heavy.join(', ')}, which .lazy() listings leave empty: drop .lazy()`,
    )
  // A pipeline that reads only light fields lists runs with the light fragment (no config/summary).
  if (heavy?.length === 0 && query.compile().residual === null) query = query.lazy()
  return new AggregateQueryImpl<T>(query, rest)
}
