import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { asyncBufferFromFile } from 'hyparquet'
import { ParquetHistoryError } from '../errors/parquet-history-error.js'
import type { CachedFile, HistoryCache } from '../internal/history-cache.js'

/**
 * The directory of cached history files: `$WANDB_CACHE_DIR`, else the OS cache directory
 * (`$XDG_CACHE_HOME` or `~/.cache`; `~/Library/Caches` on macOS; `%LOCALAPPDATA%` on Windows),
 * then `wandb-rx/runhistory`.
 *
 * @example
 * ```ts
 * historyCacheDir() // '/home/me/.cache/wandb-rx/runhistory'
 * ```
 */
export function historyCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env['HOME'] || homedir()
  const base =
    env['WANDB_CACHE_DIR'] ||
    (process.platform === 'darwin'
      ? join(home, 'Library', 'Caches')
      : process.platform === 'win32'
        ? env['LOCALAPPDATA'] || join(home, 'AppData', 'Local')
        : env['XDG_CACHE_HOME'] || join(home, '.cache'))
  return join(base, 'wandb-rx', 'runhistory')
}

/**
 * A {@link HistoryCache} on disk for `new Api({ historyCache })`: one file per key (the SHA-256 of
 * the file's URL path, `ETag` and size, so a changed file is never served stale), written to a
 * temporary name and renamed into place, so readers never see a partial file. Reads are ranged
 * reads of the local file: a scan holds one row group in memory, not the file.
 *
 * @example
 * ```ts
 * import { Api } from 'wandb-rx'
 * import { fileHistoryCache } from 'wandb-rx/node'
 * const api = new Api({ historyCache: fileHistoryCache() })
 * ```
 */
export function fileHistoryCache(options: { readonly dir?: string } = {}): HistoryCache {
  const dir = options.dir ?? historyCacheDir()
  const fileOf = (key: string) =>
    join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.runhistory.parquet`)
  return {
    async open(key: string): Promise<CachedFile | undefined> {
      const file = fileOf(key)
      const found = await stat(file).catch(() => undefined)
      return found?.isFile() ? asyncBufferFromFile(file) : undefined
    },
    async store(key, body, size, signal): Promise<CachedFile> {
      const file = fileOf(key)
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
      await mkdir(dir, { recursive: true })
      try {
        const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>)
        await pipeline(source, createWriteStream(temp), ...(signal ? [{ signal }] : []))
        const written = (await stat(temp)).size
        if (written !== size) {
          throw new ParquetHistoryError('corrupt', `download ended after ${written} of ${size} bytes`, key)
        }
        await rename(temp, file)
      } finally {
        await rm(temp, { force: true })
      }
      return asyncBufferFromFile(file)
    },
  }
}
