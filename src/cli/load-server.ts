/** Options of the local server's `startServer`, as far as the CLI passes them. */
export interface LocalServerOptions {
  readonly port?: number
  readonly host?: string
  readonly dbPath?: string
  readonly seed?: 'demo' | false
  readonly apiKey?: string
  readonly logLevel?: 'silent' | 'info' | 'debug'
  /** CORS: `'*'`, a list of page origins, or `false` for none. */
  readonly corsOrigin?: '*' | readonly string[] | false
  /** A directory of built dashboard files to serve at `/`. */
  readonly dashboard?: string
}

/** A running local server. */
export interface LocalServer {
  readonly url: string
  readonly apiKey: string
  readonly entity: string
  close(): Promise<void>
}

/** The part of the `wandb-rx-server` package the CLI uses. */
export interface LocalServerModule {
  startServer(options: LocalServerOptions): Promise<LocalServer>
}

/**
 * Loads the local server package on demand, so the client CLI does not depend on SQLite unless
 * `serve` is used. Tries the installed `wandb-rx-server` package first, then the workspace's
 * TypeScript source (a checkout run through `tsx`, before any build).
 *
 * @example
 * ```ts
 * const { startServer } = await loadServer()
 * const server = await startServer({ port: 0, seed: 'demo' })
 * ```
 */
export async function loadServer(): Promise<LocalServerModule> {
  const candidates = ['wandb-rx-server', new URL('../../server/src/index.ts', import.meta.url).href]
  let firstError: unknown
  for (const specifier of candidates) {
    try {
      return (await import(specifier)) as LocalServerModule
    } catch (error) {
      firstError ??= error
    }
  }
  throw new Error(
    `the local server package (wandb-rx-server) is not installed: ${String((firstError as Error)?.message ?? firstError)}`,
  )
}
