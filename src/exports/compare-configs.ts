import type { Run } from '../codecs/run.js'
import { stringifyExtendedJson } from '../internal/extended-json.js'
import { flattenRecord } from './flatten-record.js'

/** One config key whose value is not the same in every run; `values[i]` belongs to `runs[i]`. */
export interface ConfigDifference {
  readonly key: string
  readonly values: readonly unknown[]
}

/** The result of {@link compareConfigs}. */
export interface ConfigComparison {
  readonly runs: readonly { readonly id: string; readonly name: string }[]
  /** Keys that differ (or are missing from some runs), sorted by key. */
  readonly differences: readonly ConfigDifference[]
  /** Keys with one value in every run, with that value. */
  readonly shared: Readonly<Record<string, unknown>>
}

/**
 * Lines runs' configs up side by side and keeps the keys that differ: what changed between
 * experiments. Nested config is flattened with dots; values are compared by their JSON text, so
 * `[1, 2]` equals `[1, 2]` and `NaN` equals `NaN`. A key missing from a run differs, and reads
 * `undefined` there. Pure; no I/O.
 *
 * @example
 * ```ts
 * compareConfigs([runA, runB])
 * // Output: { runs: [{ id: 'a', … }, { id: 'b', … }],
 * //           differences: [{ key: 'lr', values: [0.1, 0.01] }], shared: { epochs: 10 } }
 * ```
 */
export function compareConfigs(runs: Iterable<Run>): ConfigComparison {
  const list = [...runs]
  const configs = list.map((run) => flattenRecord(run.config))
  const keys = [...new Set(configs.flatMap((config) => Object.keys(config)))].sort()
  const differences: ConfigDifference[] = []
  const shared: Record<string, unknown> = {}
  for (const key of keys) {
    const values = configs.map((config) => (key in config ? config[key] : undefined))
    const texts = new Set(
      values.map((value) => (value === undefined ? '\u0000missing' : stringifyExtendedJson(value))),
    )
    if (texts.size === 1) shared[key] = values[0]
    else differences.push({ key, values })
  }
  return { runs: list.map(({ id, name }) => ({ id, name })), differences, shared }
}
