import { describe, expect, it } from 'vitest'
import { cursorPages, type CursorPage } from '../../src/streams/cursor-pages.js'

/** A listing of `pages` served by cursor, recording each request. */
function listing(pages: readonly CursorPage<number>[]) {
  const requests: (string | null)[] = []
  const load = async (cursor: string | null) => {
    requests.push(cursor)
    const at = cursor === null ? 0 : Number(cursor.slice(1)) + 1
    const page = pages[at]
    if (!page) throw new Error(`no page after ${cursor}`)
    return page
  }
  return { load, requests }
}
const page = (n: number, items: number[], hasNextPage: boolean): CursorPage<number> => ({
  items,
  cursor: `c${n}`,
  hasNextPage,
})

async function collect<T>(iterable: AsyncIterable<T>, each?: (v: T) => void): Promise<T[]> {
  const out: T[] = []
  for await (const v of iterable) {
    each?.(v)
    out.push(v)
  }
  return out
}

describe('cursorPages', () => {
  it('follows cursors until hasNextPage is false, not stopping on an empty page', async () => {
    const { load, requests } = listing([page(0, [1, 2], true), page(1, [], true), page(2, [3], false)])
    const pages = await collect(cursorPages(load, null, new AbortController().signal))
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [], [3]])
    expect(requests).toEqual([null, 'c0', 'c1'])
  })

  it('prefetches exactly one page ahead of the consumer', async () => {
    const { load, requests } = listing([page(0, [1], true), page(1, [2], true), page(2, [3], false)])
    const seen: number[] = []
    await collect(cursorPages(load, null, new AbortController().signal), () => seen.push(requests.length))
    expect(seen).toEqual([2, 3, 3]) // page 1 handed over with page 2 requested, …
  })

  it('asks wantsMore before prefetching', async () => {
    const { load, requests } = listing([page(0, [1], true), page(1, [2], true)])
    const pages = await collect(cursorPages(load, null, new AbortController().signal, () => false))
    expect(pages).toHaveLength(1)
    expect(requests).toEqual([null])
  })

  it('ends when the server reports more pages but the cursor does not move', async () => {
    const stuck: CursorPage<number> = { items: [], cursor: null, hasNextPage: true }
    const pages = await collect(cursorPages(async () => stuck, null, new AbortController().signal))
    expect(pages).toEqual([stuck])
  })

  it('resumes from a start cursor', async () => {
    const { load, requests } = listing([page(0, [1], true), page(1, [2], false)])
    await collect(cursorPages(load, 'c0', new AbortController().signal))
    expect(requests).toEqual(['c0'])
  })
})
