import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseExtendedJson, stringifyExtendedJson } from '../internal/extended-json.js'
import { fileTarget, type TextTarget } from './text-target.js'

/** The kinds of value seen in one column, which decide its Parquet type. */
export type ValueKind = 'number' | 'string' | 'boolean' | 'json'

/**
 * A temporary on-disk buffer of flat rows for formats that must know every column before the
 * first row is written (a CSV header, a Parquet schema) when the caller cannot say in advance.
 * Rows go to a JSONL file in the system temp folder while the column set and each column's
 * value kinds are collected; `rows()` reads them back one at a time. Memory holds only the
 * column list, never the rows.
 *
 * @example
 * ```ts
 * const spill = new RowSpill()
 * spill.write({ _step: 0, loss: 1 })
 * for await (const row of spill.rows()) console.log(row, spill.columns)
 * spill.dispose()
 * ```
 */
export class RowSpill {
  readonly #dir = mkdtempSync(join(tmpdir(), 'wandb-rx-spill-'))
  readonly #path = join(this.#dir, 'rows.jsonl')
  readonly #target: TextTarget = fileTarget(this.#path)
  readonly #kinds = new Map<string, Set<ValueKind>>()
  #closed = false

  /** Appends one flat row (values: primitives, null, arrays, dates). */
  write(row: Readonly<Record<string, unknown>>): void {
    for (const [key, value] of Object.entries(row)) {
      let kinds = this.#kinds.get(key)
      if (!kinds) this.#kinds.set(key, (kinds = new Set()))
      const kind = kindOf(value)
      if (kind) kinds.add(kind)
    }
    this.#target.write(`${stringifyExtendedJson(row)}\n`)
  }

  /** Every column seen, with the kinds of its non-null values. */
  get columns(): ReadonlyMap<string, ReadonlySet<ValueKind>> {
    return this.#kinds
  }

  /** Reads the rows back in write order; dates come back as ISO strings. */
  async *rows(): AsyncGenerator<Record<string, unknown>> {
    if (!this.#closed) {
      this.#closed = true
      await this.#target.close()
    }
    const lines = createInterface({ input: createReadStream(this.#path, 'utf8'), crlfDelay: Infinity })
    for await (const line of lines) {
      if (line !== '') yield parseExtendedJson(line) as Record<string, unknown>
    }
  }

  /** Deletes the temporary file. */
  dispose(): void {
    if (!this.#closed) void this.#target.close()
    this.#closed = true
    rmSync(this.#dir, { recursive: true, force: true })
  }
}

function kindOf(value: unknown): ValueKind | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'string' || value instanceof Date) return 'string'
  return 'json'
}
