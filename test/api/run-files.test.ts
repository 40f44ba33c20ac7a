import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lastValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { fileBlob } from '../../src/api/file-blob.js'
import { fileStream } from '../../src/api/file-stream.js'
import type { RunFile } from '../../src/codecs/run-file-codec.js'
import { ChecksumMismatchError } from '../../src/errors/checksum-mismatch-error.js'
import { FileExistsError } from '../../src/errors/file-exists-error.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { UnsafePathError } from '../../src/errors/unsafe-path-error.js'
import { downloadRunFile } from '../../src/node/download-run-file.js'
import type { FetchLike } from '../../src/transport/resolve-fetch.js'
import { fileStream as postFileStream, logRun } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
const retry = { minDelayMs: 5, maxDelayMs: 20 }
const api = (options: { apiKey?: string; fetch?: FetchLike; baseUrl?: string } = {}) =>
  new Api({
    baseUrl: options.baseUrl ?? srv.url,
    apiKey: options.apiKey ?? srv.apiKey,
    retry,
    fetch: options.fetch,
  })
const runPath = (name = 'r1') => `${srv.entity}/files/${name}`
const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('base64')
const tempRoot = () => mkdtempSync(join(tmpdir(), 'wandb-rx-files-'))
/** Every entry under `dir`, recursively, so leftovers (temp files) show up. */
const tree = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()

/** A deterministic 3 MB body: big enough to arrive in many chunks. */
const big = Uint8Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 31 + (i >> 10)) & 0xff)

/** A fetch that records each request's URL and headers, then delegates. */
function recordingFetch(
  log: { url: string; headers: Record<string, string> }[],
  wrap?: (url: string, res: Response) => Response,
) {
  return async (input: string, init?: RequestInit) => {
    log.push({ url: input, headers: { ...(init?.headers as Record<string, string>) } })
    const res = await fetch(input, init)
    return wrap ? wrap(input, res) : res
  }
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await logRun(srv, { project: 'files', name: 'r1', rows: 1 })
  await logRun(srv, { project: 'files', name: 'r2', rows: 0 })
  await postFileStream(srv, 'files', 'r1', {
    files: {
      'output.log': {
        offset: 0,
        content: Array.from({ length: 25 }, (_, i) =>
          i === 3
            ? `ERROR 2024-01-01T00:00:03.000000 boom ${i}`
            : `2024-01-01T00:00:${String(i).padStart(2, '0')}.000000 line ${i}`,
        ),
      },
    },
  })
})
afterAll(() => srv.close())

describe('uploadFile', () => {
  it('uploads bytes and local files, and lists them with the right md5', async () => {
    const h = api().run(runPath())
    const f = await h.uploadFile(new TextEncoder().encode('{"ok": 1}'), { name: 'eval/result.json' })
    expect(f).toMatchObject({ name: 'eval/result.json', sizeBytes: 9, md5: md5('{"ok": 1}') })
    const dir = tempRoot()
    writeFileSync(join(dir, 'model.bin'), big)
    const local = await h.uploadFile(join(dir, 'model.bin'))
    expect(local).toMatchObject({ name: 'model.bin', sizeBytes: big.length, md5: md5(big) })
    const log: { url: string; headers: Record<string, string> }[] = []
    const recorded = api({ fetch: recordingFetch(log) }).run(runPath())
    const blob = await recorded.uploadFile(new Blob(['blob!']), { name: 'blob.txt' })
    const put = log.find((r) => r.url.includes('/upload/'))
    expect(put?.headers['Authorization']).toBeUndefined() // the signed upload URL is its own auth
    expect(blob.md5).toBe(md5('blob!'))
    const names = (await lastValueFrom(h.files().pipe(toArray()))).map((x) => x.name).sort()
    expect(names).toEqual(['blob.txt', 'eval/result.json', 'model.bin'])
  })

  it('refuses traversal names, bytes without a name, and unwritable or missing runs', async () => {
    const h = api().run(runPath())
    await expect(h.uploadFile(new Uint8Array([1]), { name: '../x' })).rejects.toBeInstanceOf(UnsafePathError)
    await expect(h.uploadFile(new Uint8Array([1]))).rejects.toBeInstanceOf(TypeError)
    await expect(
      api()
        .run(runPath('ghost'))
        .uploadFile(new Uint8Array([1]), { name: 'a' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    const bob = srv.createUser({ username: 'bob-files' })
    await expect(
      api({ apiKey: bob.apiKey })
        .run(runPath())
        .uploadFile(new Uint8Array([1]), { name: 'a' }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('downloadRunFile', () => {
  it('streams to root/name, verifies md5 and refuses to clobber unless replace', async () => {
    const root = tempRoot()
    const f = await api().run(runPath()).file('model.bin')
    const done = await downloadRunFile(api(), f, { root })
    expect(done).toEqual({ path: join(root, 'model.bin'), sizeBytes: big.length, md5: md5(big) })
    expect(md5(readFileSync(done.path))).toBe(md5(big))
    const nested = await downloadRunFile(api(), await api().run(runPath()).file('eval/result.json'), { root })
    expect(readFileSync(nested.path, 'utf8')).toBe('{"ok": 1}')
    writeFileSync(join(root, 'model.bin'), 'mine')
    await expect(downloadRunFile(api(), f, { root })).rejects.toBeInstanceOf(FileExistsError)
    expect(readFileSync(join(root, 'model.bin'), 'utf8')).toBe('mine')
    await downloadRunFile(api(), f, { root, replace: true })
    expect(md5(readFileSync(join(root, 'model.bin')))).toBe(md5(big))
    expect(tree(root)).toEqual(['eval', join('eval', 'result.json'), 'model.bin'])
  })

  it('is a method of the file, Python style: (await h.file(n)).download({ root, replace })', async () => {
    const root = tempRoot()
    const f = await api().run(runPath()).file('eval/result.json')
    expect(JSON.parse(JSON.stringify(f))).toMatchObject({ name: 'eval/result.json', md5: md5('{"ok": 1}') })
    const done = await f.download({ root })
    expect(done).toEqual({ path: join(root, 'eval', 'result.json'), sizeBytes: 9, md5: md5('{"ok": 1}') })
    await expect(f.download({ root })).rejects.toBeInstanceOf(FileExistsError)
    expect((await f.download({ root, replace: true })).md5).toBe(md5('{"ok": 1}'))
    expect(await (await f.open()).text()).toBe('{"ok": 1}')
    const listed = await lastValueFrom(
      api()
        .run(runPath())
        .files({ names: ['model.bin'] })
        .pipe(toArray()),
    )
    expect((await listed[0]!.download({ root })).sizeBytes).toBe(big.length)
  })

  it.each([
    ['../escape.txt'],
    ['a/../../escape.txt'],
    ['/etc/passwd'],
    ['C:\\Windows\\x'],
    ['C:x'],
    ['a\\..\\b'],
    ['a\0b'],
    [''],
    ['./.'],
  ])('refuses the traversal name %j before any request', async (name) => {
    const root = tempRoot()
    const log: { url: string; headers: Record<string, string> }[] = []
    const f = await api().run(runPath()).file('blob.txt')
    const evil: RunFile = { ...f, name }
    await expect(downloadRunFile(api({ fetch: recordingFetch(log) }), evil, { root })).rejects.toBeInstanceOf(
      UnsafePathError,
    )
    expect(log).toEqual([])
    expect(tree(root)).toEqual([])
  })

  it('detects a corrupted body (md5 mismatch) and leaves no file or temp file', async () => {
    const root = tempRoot()
    const f = await api().run(runPath()).file('model.bin')
    const flip = (url: string, res: Response) => {
      if (!url.includes('/files/') || !res.body) return res
      let flipped = false
      const body = res.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            if (!flipped && chunk.length > 0) {
              chunk = chunk.slice()
              chunk[0] = (chunk[0] ?? 0) ^ 0xff
              flipped = true
            }
            controller.enqueue(chunk)
          },
        }),
      )
      return new Response(body, { status: res.status, headers: res.headers })
    }
    const error = await downloadRunFile(api({ fetch: recordingFetch([], flip) }), f, { root }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ChecksumMismatchError)
    expect(error).toMatchObject({ fileName: 'model.bin', expected: md5(big) })
    expect(tree(root)).toEqual([])
    // The same with an md5 the server never had: nothing is written either.
    await expect(downloadRunFile(api(), { ...f, md5: md5('other') }, { root })).rejects.toBeInstanceOf(
      ChecksumMismatchError,
    )
    expect(tree(root)).toEqual([])
  })

  it('resumes a body cut off mid-transfer with a Range request', async () => {
    const root = tempRoot()
    const f = await api().run(runPath()).file('model.bin')
    const log: { url: string; headers: Record<string, string> }[] = []
    srv.setFaults({ rules: [{ paths: ['/files/'], schedule: [{ request: 1, kind: 'reset' }] }] })
    try {
      const done = await downloadRunFile(api({ fetch: recordingFetch(log) }), f, { root })
      expect(md5(readFileSync(done.path))).toBe(md5(big))
    } finally {
      srv.setFaults(undefined)
    }
    const downloads = log.filter((r) => r.url.includes('/files/'))
    expect(downloads).toHaveLength(2)
    expect(downloads[1]?.headers['Range']).toMatch(/^bytes=[1-9]\d*-$/)
    expect(tree(root)).toEqual(['model.bin'])
  })

  it('restarts cleanly when the server ignores the Range header', async () => {
    const root = tempRoot()
    const f = await api().run(runPath()).file('model.bin')
    let calls = 0
    const cutThenIgnoreRange = async (input: string, init?: RequestInit) => {
      if (!input.includes('/files/')) return fetch(input, init)
      calls++
      const headers = { ...(init?.headers as Record<string, string>) }
      delete headers['Range'] // a server without range support: always the whole file
      const res = await fetch(input, { ...init, headers })
      if (calls > 1 || !res.body) return res
      const reader = res.body.getReader()
      let sent = 0
      const cut = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { value, done } = await reader.read()
          if (done) return controller.close()
          sent += value.length
          if (sent > big.length / 3) return controller.error(new TypeError('terminated'))
          controller.enqueue(value)
        },
      })
      return new Response(cut, { status: 200, headers: res.headers })
    }
    const done = await downloadRunFile(api({ fetch: cutThenIgnoreRange }), f, { root })
    expect(calls).toBe(2)
    expect(md5(readFileSync(done.path))).toBe(md5(big))
  })

  it('gives up after resumeAttempts and leaves nothing behind; abort leaves nothing either', async () => {
    const root = tempRoot()
    const f = await api().run(runPath()).file('model.bin')
    srv.setFaults({ rules: [{ paths: ['/files/'], rate: 1, kinds: ['reset'] }] })
    try {
      await expect(downloadRunFile(api(), f, { root, resumeAttempts: 2 })).rejects.toThrow()
    } finally {
      srv.setFaults(undefined)
    }
    expect(tree(root)).toEqual([])
    const controller = new AbortController()
    const slow = async (input: string, init?: RequestInit) => {
      const res = await fetch(input, init)
      if (input.includes('/files/')) controller.abort()
      return res
    }
    await expect(
      downloadRunFile(api({ fetch: slow }), f, { root, signal: controller.signal }),
    ).rejects.toThrow()
    expect(tree(root)).toEqual([])
  })

  it('never sends the API key to a signed directUrl, on or off the base URL', async () => {
    const root = tempRoot()
    const port = new URL(srv.url).port
    const viaLocalhost = api({ baseUrl: `http://localhost:${port}` })
    const f = await viaLocalhost.run(runPath()).file('blob.txt')
    expect(f.directUrl).toMatch(/^http:\/\/localhost:/)
    // Same server, other origin: what a storage bucket URL looks like to the client.
    const signed: RunFile = {
      ...f,
      url: null,
      directUrl: (f.directUrl ?? '').replace('localhost', '127.0.0.1'),
    }
    const log: { url: string; headers: Record<string, string> }[] = []
    const client = api({ baseUrl: `http://localhost:${port}`, fetch: recordingFetch(log) })
    const done = await downloadRunFile(client, signed, { root })
    expect(readFileSync(done.path, 'utf8')).toBe('blob!')
    expect(log).toHaveLength(1)
    expect(log[0]?.url).toContain('127.0.0.1')
    expect(log[0]?.headers['Authorization']).toBeUndefined()
    // Nor to a signed directUrl under the base URL; the url under the base URL does carry it.
    await downloadRunFile(client, { ...f, url: null }, { root: tempRoot() })
    expect(log[1]?.url).toContain('/direct/')
    expect(log[1]?.headers['Authorization']).toBeUndefined()
    await downloadRunFile(client, f, { root: tempRoot() })
    expect(log[2]?.headers['Authorization']).toMatch(/^Basic /)
  })
})

describe('browser-safe content and other file calls', () => {
  it('reads content as a Blob or a web stream', async () => {
    const a = api()
    const f = await a.run(runPath()).file('eval/result.json')
    expect(await (await fileBlob(a, f)).text()).toBe('{"ok": 1}')
    const chunks: Uint8Array[] = []
    const reader = (await fileStream(a.context, await a.run(runPath()).file('model.bin'))).getReader()
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value)
    expect(md5(Buffer.concat(chunks))).toBe(md5(big))
  })

  it('reads wandb-metadata.json, undefined when absent', async () => {
    const h = api().run(runPath('r2'))
    expect(await h.metadata()).toBeUndefined()
    await h.uploadFile(new TextEncoder().encode(JSON.stringify({ host: 'gpu-3', gpu_count: 2 })), {
      name: 'wandb-metadata.json',
    })
    expect(await h.metadata()).toEqual({ host: 'gpu-3', gpu_count: 2 })
    await expect(api().run(runPath('ghost')).metadata()).rejects.toBeInstanceOf(NotFoundError)
  })

  it('streams console lines from the start (paged) or the tail', async () => {
    const h = api().run(runPath())
    const all = await lastValueFrom(h.logs({ perPage: 10 }).pipe(toArray()))
    expect(all.map((l) => l.number)).toEqual(Array.from({ length: 25 }, (_, i) => i))
    expect(all[3]).toMatchObject({ level: 'error', line: 'boom 3' })
    expect(all[0]?.line).toBe('line 0')
    const tail = await lastValueFrom(h.logs({ tail: 5 }).pipe(toArray()))
    expect(tail.map((l) => l.line)).toEqual(['line 20', 'line 21', 'line 22', 'line 23', 'line 24'])
    expect(await lastValueFrom(api().run(runPath('r2')).logs().pipe(toArray()))).toEqual([])
    await expect(lastValueFrom(api().run(runPath('ghost')).logs())).rejects.toBeInstanceOf(NotFoundError)
  })

  it('deletes files by name or RunFile; an unknown name deletes nothing', async () => {
    const h = api().run(runPath('r2'))
    await h.uploadFile(new Uint8Array([1]), { name: 'a.txt' })
    const b = await h.uploadFile(new Uint8Array([2]), { name: 'b.txt' })
    await expect(h.deleteFiles(['a.txt', 'nope.txt'])).rejects.toBeInstanceOf(NotFoundError)
    expect((await lastValueFrom(h.files().pipe(toArray()))).map((f) => f.name).sort()).toEqual([
      'a.txt',
      'b.txt',
      'wandb-metadata.json',
    ])
    await h.deleteFiles(['a.txt', b])
    expect((await lastValueFrom(h.files().pipe(toArray()))).map((f) => f.name)).toEqual([
      'wandb-metadata.json',
    ])
    expect(existsSync('a.txt')).toBe(false)
  })
})
