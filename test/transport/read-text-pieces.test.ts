import { describe, expect, it } from 'vitest'
import { readTextPieces } from '../../src/transport/read-text-pieces.js'

const streamOf = (chunks: readonly Uint8Array[], failAfter?: Error) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      if (failAfter) controller.error(failAfter)
      else controller.close()
    },
  })

describe('readTextPieces', () => {
  it('decodes each chunk as it comes, keeping a character split between chunks whole', async () => {
    const bytes = new TextEncoder().encode('{"note":"é😀"}')
    // Cut inside the 2-byte é and inside the 4-byte emoji.
    const chunks = [bytes.subarray(0, 10), bytes.subarray(10, 12), bytes.subarray(12, 14), bytes.subarray(14)]
    const pieces = await readTextPieces(new Response(streamOf(chunks)))
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.join('')).toBe('{"note":"é😀"}')
  })

  it('replaces bytes that are not UTF-8, as Response.text() does', async () => {
    const bytes = new Uint8Array([0x61, 0xff, 0x62])
    expect((await readTextPieces(new Response(streamOf([bytes])))).join('')).toBe(
      await new Response(bytes).text(),
    )
  })

  it('reads a body that is not a web stream with text(), and an empty body as no pieces', async () => {
    const nodeStyle = { body: { pipe() {} }, text: async () => 'plain' } as unknown as Response
    expect(await readTextPieces(nodeStyle)).toEqual(['plain'])
    expect(await readTextPieces(new Response(streamOf([])))).toEqual([])
  })

  it('rejects with the error that broke the body', async () => {
    const broken = new Error('socket hang up')
    await expect(readTextPieces(new Response(streamOf([new Uint8Array([0x7b])], broken)))).rejects.toBe(
      broken,
    )
  })
})
