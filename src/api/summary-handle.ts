import * as t from 'io-ts'
import { decode } from '../codecs/decode.js'
import { JsonRecord } from '../codecs/json-record.js'
import { nullable } from '../codecs/nullable.js'
import { WandbError } from '../errors/wandb-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { stringifyExtendedJson } from '../internal/extended-json.js'
import { resolveRun, runPathString, type ResolvedRun } from '../streams/resolved-run.js'
import type { RunPath } from './run-path.js'
import { queueRunWrite } from './run-write-queue.js'
import { readRunWriteState } from './run-write-state.js'
import { sendRunMutation } from './send-run-mutation.js'

/** PROTOCOL §7: the summary is always written whole; keys left out are deleted. */
const SUMMARY_MUTATION = `mutation UpsertBucketSummary($id: String!, $summaryMetrics: JSONString) {
  upsertBucket(input: {id: $id, summaryMetrics: $summaryMetrics}) { bucket { id summaryMetrics } }
}`
const SummaryResponse = t.type({
  upsertBucket: nullable(t.type({ bucket: nullable(t.type({ id: t.string, summaryMetrics: JsonRecord })) })),
})

/**
 * A run's summary, read and written on the server (Python `run.summary`). W&B stores the summary
 * as one JSON object and only accepts it whole, so every change reads the freshest summary right
 * before writing it back, and changes to one run from one `Api` are queued: concurrent
 * `update`/`delete` calls never drop each other's keys. (Another process writing the same run
 * between the read and the write can still be overwritten; W&B has no compare-and-set.)
 *
 * Writes are retried on transient failures: each sends an absolute summary by storage id.
 *
 * @example
 * ```ts
 * const summary = api.run('team/mnist/1a2b3c').summary
 * await summary.update({ best_acc: 0.98, notes: { reviewed: true } })
 * await summary.delete(['tmp_metric'])
 * (await summary.get()).best_acc // 0.98
 * ```
 */
export class SummaryHandle {
  readonly #ctx: ApiContext
  readonly #path: RunPath

  /** @internal Use `api.run(path).summary`. */
  constructor(ctx: ApiContext, path: RunPath) {
    this.#ctx = ctx
    this.#path = path
  }

  /** The current summary, fresh from the server (not the `Api` run cache). */
  async get(options: { readonly signal?: AbortSignal } = {}): Promise<Readonly<Record<string, unknown>>> {
    const run = await resolveRun(this.#ctx, this.#path)
    const state = await readRunWriteState(this.#ctx, run, 'summary', options.signal)
    return Object.freeze(state.summaryMetrics ?? {})
  }

  /**
   * Sets top-level keys (like Python's `summary.update(d)`; nested objects are replaced, not
   * merged) and returns the summary as stored.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').summary.update({ loss: 0.1 }) // { ...others, loss: 0.1 }
   * ```
   */
  update(
    values: Readonly<Record<string, unknown>>,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<Readonly<Record<string, unknown>>> {
    return this.#modify((current) => ({ ...current, ...values }), options.signal)
  }

  /**
   * Removes top-level keys and returns the summary as stored. Keys that are not there are
   * ignored; when none is there nothing is written.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').summary.delete(['tmp', 'debug'])
   * ```
   */
  delete(
    keys: string | readonly string[],
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<Readonly<Record<string, unknown>>> {
    const drop = new Set(typeof keys === 'string' ? [keys] : keys)
    return this.#modify((current) => {
      if (![...drop].some((k) => Object.hasOwn(current, k))) return undefined
      return Object.fromEntries(Object.entries(current).filter(([k]) => !drop.has(k)))
    }, options.signal)
  }

  /** Read-modify-write under the run's write queue; `change` returning undefined skips the write. */
  async #modify(
    change: (current: Readonly<Record<string, unknown>>) => Record<string, unknown> | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Readonly<Record<string, unknown>>> {
    const ctx = this.#ctx
    const run = await resolveRun(ctx, this.#path)
    return queueRunWrite(ctx, runPathString(run), async () => {
      const state = await readRunWriteState(ctx, run, 'summary', signal)
      const current = state.summaryMetrics ?? {}
      const next = change(current)
      if (next === undefined) return Object.freeze(current)
      const variables = { id: state.id, summaryMetrics: stringifyExtendedJson(next) }
      const data = await sendRunMutation(ctx, run, {
        query: SUMMARY_MUTATION,
        variables,
        signal,
        idempotent: true,
      })
      ctx.forget(run)
      return Object.freeze(storedSummary(data, run))
    })
  }
}

function storedSummary(data: unknown, run: ResolvedRun): Record<string, unknown> {
  const bucket = decode(SummaryResponse, data, 'UpsertBucketSummary').upsertBucket?.bucket
  if (!bucket) throw new WandbError(`the summary write for run ${runPathString(run)} returned no run`)
  return bucket.summaryMetrics
}
