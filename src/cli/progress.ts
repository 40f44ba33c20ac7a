import { createRequire } from 'node:module'
import type cliProgressModule from 'cli-progress'
import type { CliStream } from './cli-io.js'

/** One progress bar: a label, a value and a total that may grow (a live run keeps logging). */
export interface ProgressBar {
  increment(by?: number): void
  update(value: number): void
  setTotal(total: number): void
  stop(): void
}

/** A set of progress bars drawn together (one per run in `export`), plus notes printed above them. */
export interface Progress {
  bar(label: string, total: number): ProgressBar
  /** A line for the user (stderr), printed above the bars when they are showing. */
  note(line: string): void
  stop(): void
}

const NO_BAR: ProgressBar = { increment() {}, update() {}, setTotal() {}, stop() {} }

/**
 * Progress bars on stderr, drawn only when stderr is a terminal and `--quiet` is off, so pipes,
 * files and CI logs stay clean. Notes still go to stderr (unless quiet) without bars.
 *
 * @example
 * ```ts
 * const progress = createProgress(io.stderr, { quiet: false })
 * const bar = progress.bar('history 1a2b3c', 5000)
 * bar.increment(1000)
 * progress.stop()
 * ```
 */
export function createProgress(stderr: CliStream, options: { quiet?: boolean | undefined }): Progress {
  if (options.quiet) return { bar: () => NO_BAR, note() {}, stop() {} }
  if (!stderr.isTTY) return { bar: () => NO_BAR, note: (line) => void stderr.write(`${line}\n`), stop() {} }
  // Required here, not at import: only a terminal that shows bars pays for them.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule
  const multi = new cliProgress.MultiBar(
    {
      stream: stderr as NodeJS.WritableStream,
      format: '{label} [{bar}] {value}/{total} {percentage}% | {duration_formatted}',
      clearOnComplete: false,
      hideCursor: true,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  )
  return {
    bar(label, total) {
      const bar = multi.create(Math.max(total, 1), 0, { label: label.padEnd(24).slice(0, 24) })
      return {
        increment: (by = 1) => bar.increment(by),
        update: (value) => bar.update(value),
        setTotal: (value) => bar.setTotal(Math.max(value, 1)),
        stop: () => bar.stop(),
      }
    },
    note: (line) => multi.log(`${line}\n`),
    stop: () => multi.stop(),
  }
}
