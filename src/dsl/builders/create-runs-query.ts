import { firstValueFrom, lastValueFrom, toArray, type Observable } from 'rxjs'
import type { Run } from '../../codecs/run.js'
import { compileRunsQuery } from '../../compiler/compile-runs-query.js'
import type { CompiledRunsQuery } from '../../compiler/compiled-runs-query.js'
import type { CurveSet } from '../../curves/curve-set.js'
import { parseCurveOptions } from '../../curves/parse-curve-options.js'
import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { WandbError } from '../../errors/wandb-error.js'
import { FilterNode } from '../nodes/filter-node.js'
import { RunsQueryNode } from '../nodes/runs-query-node.js'
import { parseFilter } from '../parsers/filter-parser.js'
import { parseOrderKey, type OrderKeyInput } from '../parsers/order-by-parser.js'
import type { LiveEvent, LiveOptions, RunsPage, RunsQueryRuntime } from '../runs-query-runtime.js'
import type { CurveOptions } from '../types/curve-options.js'
import type { Pipeline } from '../types/pipeline.js'
import type { RunSchema, AnyRunSchema } from '../types/run-schema.js'
import type { AggregateQuery } from './aggregate-query.js'
import { createAggregateQuery } from './create-aggregate-query.js'
import { fieldHelpers } from './field-helpers.js'
import type { OrderKey, RunsQuery, RunsQueryInit, WhereInput } from './runs-query.js'

interface Props {
  readonly node: RunsQueryNode
  readonly runtime: RunsQueryRuntime | undefined
}

const DEFAULT_MAX_LOCAL_SORT = 10_000

const positiveInt = (n: number, at: string, max = Number.MAX_SAFE_INTEGER): number => {
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new FilterCompileError(at, `expected an integer from 1 to ${max}, got ${n}`)
  return n
}

class RunsQueryImpl<S extends RunSchema> implements RunsQuery<S> {
  readonly #props: Props
  #compiled: CompiledRunsQuery | undefined

  constructor(props: Props) {
    this.#props = Object.freeze(props)
  }

  get node(): RunsQueryNode {
    return this.#props.node
  }

  #with(changes: Partial<Omit<RunsQueryNode, 'kind'>>): RunsQuery<S> {
    return new RunsQueryImpl<S>({ ...this.#props, node: RunsQueryNode.cloneWith(this.#props.node, changes) })
  }

  where(filter: WhereInput<S>): RunsQuery<S> {
    const result = typeof filter === 'function' ? filter(fieldHelpers<S>()) : filter
    const added = FilterNode.is(result) ? result : parseFilter(result)
    const current = this.#props.node.where
    return this.#with({ where: current ? FilterNode.all([current, added]) : added })
  }

  orderBy(...keys: readonly OrderKey<S>[]): RunsQuery<S> {
    return this.#with({
      orderBy: Object.freeze(keys.map((key, i) => parseOrderKey(key as OrderKeyInput, `orderBy.${i}`))),
    })
  }

  perPage(n: number): RunsQuery<S> {
    return this.#with({ perPage: positiveInt(n, 'perPage', 1000) })
  }

  limit(n: number): RunsQuery<S> {
    return this.#with({ limit: positiveInt(n, 'limit') })
  }

  lazy(): RunsQuery<S> {
    return this.#with({ lazy: true })
  }

  select(fields: 'light' | 'full'): RunsQuery<S> {
    if (fields !== 'light' && fields !== 'full')
      throw new FilterCompileError('select', `expected 'light' or 'full', got ${JSON.stringify(fields)}`)
    return this.#with({ lazy: fields === 'light' })
  }

  after(cursor: string | null): RunsQuery<S> {
    if (cursor !== null && typeof cursor !== 'string')
      throw new FilterCompileError('after', 'a cursor is a string from pages()')
    return this.#with({ cursor })
  }

  sortLocally(options: { readonly maxRuns?: number } = {}): RunsQuery<S> {
    const maxRuns = positiveInt(options.maxRuns ?? DEFAULT_MAX_LOCAL_SORT, 'sortLocally.maxRuns')
    return this.#with({ sortLocally: Object.freeze({ kind: 'sortLocally', maxRuns }) })
  }

  compile(): CompiledRunsQuery {
    this.#compiled ??= compileRunsQuery(this.#props.node)
    return this.#compiled
  }

  matches(run: Run): boolean {
    return this.compile().matches(run)
  }

  #runtime(): RunsQueryRuntime {
    const { runtime } = this.#props
    if (!runtime)
      throw new WandbError(
        'no Api attached: use api.runs(...) to execute a query (compile() and matches() work without one)',
      )
    return runtime
  }

  stream(): Observable<Run> {
    return this.#runtime().stream(this.compile())
  }

  pages(): Observable<RunsPage> {
    return this.#runtime().pages(this.compile())
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Run> {
    return this.#runtime().iterate(this.compile())
  }

  toArray(): Promise<Run[]> {
    return lastValueFrom(this.stream().pipe(toArray()))
  }

  first(): Promise<Run | undefined> {
    return firstValueFrom(this.limit(1).stream(), { defaultValue: undefined })
  }

  count(): Promise<number> {
    return this.#runtime().count(this.compile())
  }

  live(options: LiveOptions = {}): Observable<LiveEvent> {
    return this.#runtime().live(this.compile(), options)
  }

  curves(options: CurveOptions<S>): Observable<CurveSet> {
    parseCurveOptions(options as CurveOptions, this.#props.node.lazy) // validate now, never mid-stream
    return this.#runtime().curves(this.compile(), options as CurveOptions)
  }

  aggregate<T = Record<string, unknown>>(pipeline: Pipeline<S>): AggregateQuery<T> {
    return createAggregateQuery<T>(this, pipeline)
  }
}

/**
 * Creates a runs query for one project; `api.runs(path)` calls this with its runtime.
 *
 * @example
 * ```ts
 * const query = createRunsQuery({ entity: 'team', project: 'mnist' }).where({ tags: 'baseline' })
 * query.compile().variables.filters // '{"tags":"baseline"}'
 * query.matches(makeRun({ tags: ['baseline'] })) // true
 * ```
 */
export function createRunsQuery<S extends RunSchema = AnyRunSchema>(init: RunsQueryInit): RunsQuery<S> {
  if (typeof init.project !== 'string' || init.project === '')
    throw new FilterCompileError('project', 'a project name is required')
  const node = RunsQueryNode.create({ entity: init.entity, project: init.project })
  const where = init.extraFilter === undefined ? null : parseFilter(init.extraFilter, 'extraFilter')
  return new RunsQueryImpl<S>({ node: RunsQueryNode.cloneWith(node, { where }), runtime: init.runtime })
}
