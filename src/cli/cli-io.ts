/** A text stream the CLI writes to: `process.stdout`/`stderr`, or a test double. */
export interface CliStream {
  write(chunk: string): unknown
  /** True on an interactive terminal: progress bars and in-place redraws only happen there. */
  readonly isTTY?: boolean | undefined
  /** Terminal width, when known. */
  readonly columns?: number | undefined
}

/**
 * Everything the CLI touches outside itself, injected so `runCli` can run inside a test:
 * its two output streams and a signal that fires on Ctrl-C.
 *
 * @example
 * ```ts
 * const out: string[] = []
 * await runCli(['runs', 'team/mnist'], { stdout: { write: (s) => out.push(s) }, stderr: process.stderr })
 * ```
 */
export interface CliIo {
  readonly stdout: CliStream
  readonly stderr: CliStream
  /** Aborted when the user interrupts; long commands stop their streams and exit. */
  readonly signal?: AbortSignal | undefined
}

/**
 * The real process's I/O; the first Ctrl-C (or SIGTERM) aborts the returned signal (commands then clean up),
 * a second one exits at once.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), processIo())
 * ```
 */
export function processIo(): CliIo {
  const controller = new AbortController()
  const interrupt = () => {
    controller.abort(new Error('interrupted'))
    process.once('SIGINT', () => process.exit(130))
  }
  process.once('SIGINT', interrupt)
  process.once('SIGTERM', interrupt)
  return { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }
}
