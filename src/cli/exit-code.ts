import { CommanderError } from 'commander'
import { FilterCompileError } from '../errors/filter-compile-error.js'
import { PathError } from '../errors/path-error.js'
import { UsageError } from './usage-error.js'

/** The CLI's exit codes: 0 success, 1 a runtime failure, 2 a usage error. */
export const EXIT = { ok: 0, runtime: 1, usage: 2 } as const

/**
 * Maps a thrown error to an exit code: mistakes in the command line (commander parse errors,
 * bad `--where` JSON, `FilterCompileError`, `PathError`, `UsageError`) exit 2, everything else 1.
 * Commander's `--help`/`--version` "errors" keep their own code (0).
 *
 * @example
 * ```ts
 * exitCodeFor(new PathError('a/b/c/d', 'too many parts')) // 2
 * ```
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
  if (error instanceof UsageError || error instanceof FilterCompileError || error instanceof PathError)
    return EXIT.usage
  return EXIT.runtime
}
