import type { AsyncBuffer } from 'hyparquet/src/index.js'

/**
 * Where whole Parquet history files are kept between scans, keyed by something that changes
 * whenever a file does (its URL path without the signature, plus its `ETag` and size). The core
 * only calls this interface; Node's file-backed one is `fileHistoryCache()` from `wandb-rx/node`,
 * so browser bundles never see `node:` modules.
 *
 * @example
 * ```ts
 * const memory = new Map<string, ArrayBuffer>()
 * const cache: HistoryCache = {
 *   open: async (key) => memory.get(key),
 *   store: async (key, body) => {
 *     const bytes = await new Response(body).arrayBuffer()
 *     memory.set(key, bytes)
 *     return bytes
 *   },
 * }
 * ```
 */
export interface HistoryCache {
  /** The stored file for `key`, or `undefined` when there is none. */
  open(key: string): Promise<CachedFile | undefined>
  /**
   * Stores a downloaded file atomically (never a partial file under `key`) and returns it.
   * Rejects, storing nothing, when the body ends before `size` bytes or `signal` aborts.
   */
  store(
    key: string,
    body: ReadableStream<Uint8Array>,
    size: number,
    signal?: AbortSignal,
  ): Promise<CachedFile>
}

/**
 * A cached file: its bytes in memory, or a ranged reader over them (hyparquet's `AsyncBuffer`).
 *
 * @example
 * ```ts
 * const inMemory: CachedFile = new ArrayBuffer(8)
 * const ranged: CachedFile = { byteLength: 8, slice: async (start, end) => new ArrayBuffer((end ?? 8) - start) }
 * ```
 */
export type CachedFile = ArrayBuffer | AsyncBuffer
