import { stringifyExtendedJson } from '../internal/extended-json.js'
import { flattenRecord } from './flatten-record.js'
import type { ExportRow, RowSink } from './row-sink.js'
import type { TextTarget } from './text-target.js'

/** How JSONL writes `NaN` and `±Infinity`, which strict JSON cannot express. */
export type NonFiniteMode = 'extended' | 'null'

/** Options of {@link jsonlSink}. */
export interface JsonlSinkOptions {
  /**
   * `'extended'` (default) writes bare `NaN` / `Infinity` / `-Infinity` tokens, exactly as W&B's
   * own `wandb-history.jsonl` does; Python's `json`, pandas and `parseExtendedJson` read them.
   * `'null'` writes strict JSON (what `JSON.parse` and `jq` accept), losing which value it was.
   */
  readonly nonFinite?: NonFiniteMode
  /** Flatten nested keys to dotted names (default true), so JSONL rows match CSV and Parquet columns. */
  readonly flatten?: boolean
}

/**
 * Writes rows as JSON Lines, one object per line, streaming (no header, no buffering of rows).
 *
 * @example
 * ```ts
 * const sink = jsonlSink(streamTarget(process.stdout))
 * sink.write({ _step: 0, eval: { loss: NaN } })
 * await sink.close()
 * // Output: {"_step":0,"eval.loss":NaN}
 * ```
 */
export function jsonlSink(target: TextTarget, options: JsonlSinkOptions = {}): RowSink {
  const stringify = options.nonFinite === 'null' ? JSON.stringify : stringifyExtendedJson
  const flatten = options.flatten ?? true
  let rowCount = 0
  return {
    get rowCount() {
      return rowCount
    },
    write(row: ExportRow) {
      target.write(`${stringify(flatten ? flattenRecord(row) : row)}\n`)
      rowCount++
    },
    close: () => target.close(),
  }
}
