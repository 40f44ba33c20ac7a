import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileHistoryCache, historyCacheDir } from '../../src/node/history-cache.js'

let dir: string
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'wandb-rx-history-cache-'))))
afterEach(() => rm(dir, { recursive: true, force: true }))

const body = (...chunks: number[][]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk))
      controller.close()
    },
  })
const read = async (file: ArrayBuffer | { slice(a: number, b?: number): unknown }, a: number, b: number) => [
  ...new Uint8Array(await (file.slice(a, b) as Promise<ArrayBuffer>)),
]

describe('fileHistoryCache', () => {
  it('stores a download and serves it, by ranges, to the next open of the same key', async () => {
    const cache = fileHistoryCache({ dir })
    expect(await cache.open('http://h/f.parquet#"e1"#5')).toBeUndefined()
    const stored = await cache.store('http://h/f.parquet#"e1"#5', body([1, 2], [3, 4, 5]), 5)
    expect(await read(stored, 1, 4)).toEqual([2, 3, 4])
    const again = await fileHistoryCache({ dir }).open('http://h/f.parquet#"e1"#5')
    expect(again).toBeDefined()
    expect(await read(again as ArrayBuffer, 0, 5)).toEqual([1, 2, 3, 4, 5])
    expect(await cache.open('http://h/f.parquet#"e2"#5')).toBeUndefined() // a new ETag is a new file
  })

  it('keeps nothing when the body is shorter than the size HEAD gave', async () => {
    const cache = fileHistoryCache({ dir })
    await expect(cache.store('k', body([1, 2]), 5)).rejects.toMatchObject({
      name: 'ParquetHistoryError',
      reason: 'corrupt',
    })
    expect(await cache.open('k')).toBeUndefined()
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps nothing when the download is aborted', async () => {
    const cache = fileHistoryCache({ dir })
    const controller = new AbortController()
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(1024))
        controller.abort()
      },
    })
    await expect(cache.store('k', endless, 1 << 20, controller.signal)).rejects.toThrow()
    expect(await readdir(dir)).toEqual([])
  })

  it('lives under WANDB_CACHE_DIR, else the OS cache directory', () => {
    expect(historyCacheDir({ WANDB_CACHE_DIR: '/c' })).toBe(join('/c', 'wandb-rx', 'runhistory'))
    const fallback = historyCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: '/x' })
    expect(fallback.endsWith(join('wandb-rx', 'runhistory'))).toBe(true)
  })
})
