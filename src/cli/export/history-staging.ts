import { closeSync, existsSync, openSync, truncateSync, writeSync } from 'node:fs'
import { stringifyExtendedJson } from '../../internal/extended-json.js'

/**
 * The append-only JSONL file a run's history is scanned into before it is converted to the
 * export format. It is what makes exports resumable: every checkpoint records how many bytes
 * hold complete steps, and a resume truncates to that length and scans on from the next step,
 * so rows written after the last checkpoint (or half a line from a kill) are dropped, never
 * duplicated.
 *
 * @example
 * ```ts
 * const staging = new HistoryStaging('out/history/a1.jsonl.partial', progress.bytes)
 * staging.write(row)
 * const bytes = staging.checkpoint()
 * ```
 */
export class HistoryStaging {
  readonly #fd: number
  #bytes: number
  #pending: string[] = []

  /** Opens `path` for appending after truncating it to `resumeBytes` (0 starts over). */
  constructor(
    readonly path: string,
    resumeBytes: number,
  ) {
    if (existsSync(path)) truncateSync(path, resumeBytes)
    this.#fd = openSync(path, 'a')
    this.#bytes = existsSync(path) ? resumeBytes : 0
  }

  write(row: Readonly<Record<string, unknown>>): void {
    this.#pending.push(`${stringifyExtendedJson(row)}\n`)
    if (this.#pending.length >= 256) this.#flush()
  }

  /** Writes everything buffered to disk and returns the file's length: a safe resume point. */
  checkpoint(): number {
    this.#flush()
    return this.#bytes
  }

  close(): void {
    this.#flush()
    closeSync(this.#fd)
  }

  #flush(): void {
    if (this.#pending.length === 0) return
    const text = this.#pending.join('')
    this.#pending = []
    this.#bytes += writeSync(this.#fd, text)
  }
}
