import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { logArtifact, startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import type { Artifact } from '../../src/api/artifact.js'
import { ChecksumMismatchError } from '../../src/errors/checksum-mismatch-error.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { PathError } from '../../src/errors/path-error.js'
import { UnsafePathError } from '../../src/errors/unsafe-path-error.js'
import { artifactDigest } from '../../src/node/artifact-digest.js'
import { downloadArtifact } from '../../src/node/download-artifact.js'
import { verifyArtifact } from '../../src/node/verify-artifact.js'
import type { FetchLike } from '../../src/transport/resolve-fetch.js'
import { upsertRun, writerGraphql } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let dir: string
const retry = { minDelayMs: 5, maxDelayMs: 20 }
const api = (options: { apiKey?: string; fetch?: FetchLike } = {}) =>
  new Api({
    baseUrl: srv.url,
    apiKey: options.apiKey ?? srv.apiKey,
    retry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })

const b64md5 = (data: string | Buffer) => createHash('md5').update(data).digest('base64')

const PNG = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 1, 2, 3])
const FILES_V0 = { 'train.csv': 'x,y\n1,2\n', 'images/0.png': PNG }
const FILES_V1 = {
  'train.csv': 'x,y\n1,2\n3,4\n',
  'images/0.png': FILES_V0['images/0.png'],
  'README.md': '# digits\n',
}

/** A fetch that records each request's URL and Authorization header. */
function recordingFetch(log: { url: string; auth: string | null }[], inner: FetchLike = fetch): FetchLike {
  return (input, init) => {
    const headers = new Headers(init?.headers)
    log.push({ url: input, auth: headers.get('authorization') })
    return inner(input, init)
  }
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await upsertRun(srv, 'mnist', 'trainer')
  await upsertRun(srv, 'mnist', 'evaluator')
  await logArtifact(srv, {
    entity: srv.entity,
    project: 'mnist',
    type: 'dataset',
    name: 'digits',
    files: FILES_V0,
    metadata: { rows: 1 },
    description: 'first cut',
    run: 'trainer',
  })
  const v1 = await logArtifact(srv, {
    entity: srv.entity,
    project: 'mnist',
    type: 'dataset',
    name: 'digits',
    files: FILES_V1,
    aliases: ['best'],
    tags: ['clean'],
    metadata: { rows: 2 },
    run: 'trainer',
  })
  await logArtifact(srv, {
    entity: srv.entity,
    project: 'mnist',
    type: 'model',
    name: 'cnn',
    files: { 'model.bin': 'weights' },
  })
  await writerGraphql(
    srv,
    `mutation U($id: ID!) { useArtifact(input: {entityName: "${srv.entity}", projectName: "mnist", runName: "evaluator",
      artifactID: $id, usedAs: "eval-data"}) { artifact { id } } }`,
    { id: v1.id },
  )
})
afterAll(() => srv.close())

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wandb-rx-artifacts-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

let n = 0
const freshRoot = () => join(dir, `root-${n++}`)

describe('api.artifact', () => {
  it('fetches a version by alias, by version and by latest, with its data', async () => {
    const best = await api().artifact(`${srv.entity}/mnist/digits:best`)
    expect(best).toMatchObject({
      name: 'digits:v1',
      qualifiedName: `${srv.entity}/mnist/digits:v1`,
      entity: srv.entity,
      project: 'mnist',
      collection: 'digits',
      type: 'dataset',
      version: 'v1',
      versionIndex: 1,
      state: 'COMMITTED',
      fileCount: 3,
      tags: ['clean'],
      metadata: { rows: 2 },
      sourceCollection: 'digits',
      sourceVersion: 'v1',
    })
    expect([...best.aliases].sort()).toEqual(['best', 'latest'])
    expect(best.createdAt).toBeInstanceOf(Date)
    const v0 = await api().artifact('mnist/digits:v0') // default entity
    expect(v0).toMatchObject({ version: 'v0', aliases: [], description: 'first cut', metadata: { rows: 1 } })
    const latest = await api({}).artifact('mnist/digits') // no alias: latest
    expect(latest.version).toBe('v1')
    expect(latest.id).toBe(best.id)
  })

  it('rejects missing projects and versions with NotFoundError, and a wrong type', async () => {
    await expect(api().artifact(`${srv.entity}/nope/digits:v0`)).rejects.toMatchObject({
      name: 'NotFoundError',
      resource: 'project',
    })
    const missing = api().artifact(`${srv.entity}/mnist/digits:v9`)
    await expect(missing).rejects.toBeInstanceOf(NotFoundError)
    await expect(missing).rejects.toMatchObject({
      resource: 'artifact',
      path: `${srv.entity}/mnist/digits:v9`,
    })
    await expect(api().artifact(`${srv.entity}/mnist/nothing:latest`)).rejects.toBeInstanceOf(NotFoundError)
    await expect(api().artifact(`${srv.entity}/mnist/digits:v0`, { type: 'model' })).rejects.toThrow(
      /of type dataset/,
    )
    await expect(api().artifact('a/b/c/d:v0')).rejects.toBeInstanceOf(PathError)
  })

  it('lists versions newest first, filtered and ordered', async () => {
    const versions = await api()
      .artifactVersions('dataset', `${srv.entity}/mnist/digits`)
      .perPage(1)
      .toArray()
    expect(versions.map((v) => v.version)).toEqual(['v1', 'v0'])
    expect([...(versions[0]?.aliases ?? [])].sort()).toEqual(['best', 'latest'])
    const oldest = await api().artifactVersions('dataset', 'mnist/digits', { order: '+versionIndex' }).first()
    expect(oldest?.version).toBe('v0')
    const best = await api()
      .artifactVersions('dataset', 'mnist/digits', { filters: { alias: 'best' } })
      .toArray()
    expect(best.map((v) => v.version)).toEqual(['v1'])
    const rich = await api()
      .artifactVersions('dataset', 'mnist/digits', { filters: { 'metadata.rows': { $gte: 2 } } })
      .toArray()
    expect(rich.map((v) => v.version)).toEqual(['v1'])
    await expect(api().artifactVersions('model', 'mnist/digits').toArray()).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await expect(api().artifactVersions('dataset', 'nope/digits').toArray()).rejects.toMatchObject({
      resource: 'project',
    })
  })

  it('lists collections and types of a project', async () => {
    const collections = await api().artifactCollections(`${srv.entity}/mnist`, 'dataset').toArray()
    expect(collections).toEqual([
      expect.objectContaining({
        name: 'digits',
        type: 'dataset',
        kind: 'sequence',
        entity: srv.entity,
        project: 'mnist',
      }),
    ])
    expect(await api().artifactCollections('mnist', 'unknown-type').toArray()).toEqual([])
    const types = await api().artifactTypes('mnist').toArray()
    expect(types.map((t) => t.name)).toEqual(['dataset', 'model'])
    await expect(api().artifactTypes('nope').toArray()).rejects.toBeInstanceOf(NotFoundError)
  })

  it("lists a run's logged and used artifacts", async () => {
    const logged = await api().run(`${srv.entity}/mnist/trainer`).loggedArtifacts().toArray()
    expect(logged.map((a) => a.name)).toEqual(['digits:v0', 'digits:v1'])
    const used = await api().run('mnist/evaluator').usedArtifacts().toArray()
    expect(used.map((a) => a.qualifiedName)).toEqual([`${srv.entity}/mnist/digits:v1`])
    expect(await api().run('mnist/evaluator').loggedArtifacts().toArray()).toEqual([])
    await expect(api().run('mnist/ghost').loggedArtifacts().toArray()).rejects.toMatchObject({
      resource: 'run',
    })
  })
})

describe('manifest and files', () => {
  it('reads the manifest whose entries hash to the artifact digest', async () => {
    const a = await api().artifact('mnist/digits:v1')
    const manifest = await a.manifest()
    expect(manifest.entries.map((e) => e.path)).toEqual(['README.md', 'images/0.png', 'train.csv'])
    expect(manifest.entries[2]).toMatchObject({ digest: b64md5(FILES_V1['train.csv']), size: 12 })
    expect(artifactDigest(manifest.entries)).toBe(a.digest)
    expect(await a.manifest()).toBe(manifest) // cached
  })

  it('lists files with signed URLs and fetches them without the API key', async () => {
    const log: { url: string; auth: string | null }[] = []
    const a = await api({ fetch: recordingFetch(log) }).artifact('mnist/digits:v1')
    const files = await a.files().toArray()
    expect(files.map((f) => [f.name, f.sizeBytes, f.md5])).toEqual([
      ['README.md', 9, b64md5(FILES_V1['README.md'])],
      ['images/0.png', 12, b64md5(PNG)],
      ['train.csv', 12, b64md5(FILES_V1['train.csv'])],
    ])
    const one = await a.file('train.csv')
    expect(await (await a.openFile(one)).text()).toBe(FILES_V1['train.csv'])
    await a.manifest()
    await expect(a.file('nope.txt')).rejects.toBeInstanceOf(NotFoundError)
    const signed = log.filter((r) => r.url.includes('/artifact-blobs/'))
    expect(signed.length).toBe(2) // the file and the manifest
    expect(signed.every((r) => r.auth === null)).toBe(true)
    expect(log.filter((r) => r.url.endsWith('/graphql')).every((r) => r.auth !== null)).toBe(true)
  })
})

describe('download and verify', () => {
  afterEach(() => srv.setFaults(undefined))

  it('downloads every file atomically, then verifies clean', async () => {
    const root = freshRoot()
    const a = await api().artifact('mnist/digits:best')
    const result = await a.download({ root, concurrency: 2 })
    expect(result.downloaded).toEqual(['README.md', 'images/0.png', 'train.csv'])
    expect(result.skipped).toEqual([])
    expect(result.bytes).toBe(33)
    expect(await readFile(join(root, 'train.csv'), 'utf8')).toBe(FILES_V1['train.csv'])
    expect(await readFile(join(root, 'images', '0.png'))).toEqual(PNG)
    const report = await a.verify(root)
    expect(report).toMatchObject({ ok: true, differing: [], missing: [], extra: [] })
    expect(report.digest.actual).toBe(a.digest)
    expect((await readdir(root)).filter((f) => f.endsWith('.partial'))).toEqual([])
  })

  it('resumes: files already present with the right digest are skipped, wrong ones replaced', async () => {
    const root = freshRoot()
    await mkdir(join(root, 'images'), { recursive: true })
    await writeFile(join(root, 'train.csv'), FILES_V1['train.csv'])
    await writeFile(join(root, 'images', '0.png'), 'not a png at all')
    const log: { url: string; auth: string | null }[] = []
    const a = await api({ fetch: recordingFetch(log) }).artifact('mnist/digits:v1')
    const events: string[] = []
    const result = await downloadArtifact(a, { root, onFile: (e) => events.push(`${e.path}:${e.skipped}`) })
    expect(result.skipped).toEqual(['train.csv'])
    expect(result.downloaded).toEqual(['README.md', 'images/0.png'])
    expect(events.sort()).toEqual(['README.md:false', 'images/0.png:false', 'train.csv:true'])
    expect(log.filter((r) => r.url.includes('/artifact-blobs/') && r.url.includes('train.csv'))).toEqual([])
    const again = await a.download({ root })
    expect(again).toMatchObject({
      downloaded: [],
      skipped: ['README.md', 'images/0.png', 'train.csv'],
      bytes: 0,
    })
    expect((await verifyArtifact(a, root)).ok).toBe(true)
  })

  it('a transfer cut off mid-body (connection reset) is retried within the call', async () => {
    const root = freshRoot()
    const a = await api().artifact('mnist/digits:v1')
    const csv = new URL((await a.file('train.csv')).directUrl!).pathname
    srv.setFaults({ rules: [{ paths: [csv], schedule: [{ request: 1, kind: 'reset' }] }] })
    const result = await a.download({ root })
    expect(result.downloaded).toEqual(['README.md', 'images/0.png', 'train.csv'])
    expect((await a.verify(root)).ok).toBe(true)
  })

  it('an interrupted download fails cleanly and the next call fetches only what is missing', async () => {
    const root = freshRoot()
    const a = await api().artifact('mnist/digits:v1')
    const csv = new URL((await a.file('train.csv')).directUrl!).pathname
    // Every transfer of train.csv breaks mid-body: the call fails once its attempts are spent...
    srv.setFaults({ rules: [{ paths: [csv], rate: 1, kinds: ['reset'] }] })
    await expect(a.download({ root, concurrency: 1, attempts: 2 })).rejects.toThrow()
    const left = (await readdir(root, { recursive: true })).map(String)
    expect(left.filter((f) => f.endsWith('.partial'))).toEqual([])
    expect(left).not.toContain('train.csv')
    // ...and once the network is back, only train.csv is fetched.
    srv.setFaults(undefined)
    const log: { url: string; auth: string | null }[] = []
    const again = await api({ fetch: recordingFetch(log) }).artifact('mnist/digits:v1')
    const result = await again.download({ root })
    expect(result.skipped).toEqual(['README.md', 'images/0.png'])
    expect(result.downloaded).toEqual(['train.csv'])
    expect(
      log
        .filter((r) => r.url.includes('/artifact-blobs/'))
        .map((r) => new URL(r.url).pathname.split('/').pop()),
    ).toEqual(['wandb_manifest.json', 'train.csv'])
    expect((await again.verify(root)).ok).toBe(true)
  })

  it('a corrupted transfer is a ChecksumMismatchError and leaves no file behind', async () => {
    const root = freshRoot()
    // The server cannot corrupt bytes; a proxy in the injected fetch does.
    const corrupting: FetchLike = async (input, init) => {
      const res = await fetch(input, init)
      if (!input.includes('/artifact-blobs/') || !input.includes('train.csv')) return res
      const bytes = new Uint8Array(await res.arrayBuffer())
      bytes[0] = bytes[0]! ^ 0xff
      return new Response(bytes, { status: res.status, headers: res.headers })
    }
    const a = await api({ fetch: corrupting }).artifact('mnist/digits:v1')
    const failed = a.download({ root, attempts: 2 })
    await expect(failed).rejects.toBeInstanceOf(ChecksumMismatchError)
    await expect(failed).rejects.toMatchObject({
      fileName: 'train.csv',
      expected: b64md5(FILES_V1['train.csv']),
    })
    await expect(stat(join(root, 'train.csv'))).rejects.toThrow()
    const all = await readdir(root, { recursive: true }).catch(() => [])
    expect(all.filter((f) => String(f).endsWith('.partial'))).toEqual([])
  })

  it('refuses a manifest with a traversal name before writing anything', async () => {
    await logArtifact(srv, {
      entity: srv.entity,
      project: 'mnist',
      type: 'dataset',
      name: 'evil',
      files: { 'ok.txt': 'fine' },
      extraEntries: { '../escape.txt': { digest: b64md5('fine'), size: 4 } },
    })
    const root = freshRoot()
    const a = await api().artifact('mnist/evil:latest')
    expect((await a.manifest()).entries.map((e) => e.path)).toEqual(['../escape.txt', 'ok.txt'])
    await expect(a.download({ root })).rejects.toBeInstanceOf(UnsafePathError)
    await expect(stat(root)).rejects.toThrow()
    await expect(stat(join(root, '..', 'escape.txt'))).rejects.toThrow()
    await expect(a.verify(root)).rejects.toBeInstanceOf(UnsafePathError)
  })

  it('verify reports exactly which files differ, are missing or are extra', async () => {
    const root = freshRoot()
    const a = await api().artifact('mnist/digits:v1')
    await a.download({ root })
    await writeFile(join(root, 'train.csv'), 'tampered')
    await rm(join(root, 'README.md'))
    await mkdir(join(root, 'notes'), { recursive: true })
    await writeFile(join(root, 'notes', 'todo.txt'), 'extra')
    const report = await a.verify(root)
    expect(report.ok).toBe(false)
    expect(report.differing).toEqual([
      { path: 'train.csv', expected: b64md5(FILES_V1['train.csv']), actual: b64md5('tampered') },
    ])
    expect(report.missing).toEqual(['README.md'])
    expect(report.extra).toEqual(['notes/todo.txt'])
    expect(report.digest).toEqual({ expected: a.digest, actual: a.digest })
  })

  it('downloads an older version next to a newer one without mixing them', async () => {
    const root = freshRoot()
    const v0: Artifact = await api().artifact('mnist/digits:v0')
    await v0.download({ root })
    const report = await v0.verify(root)
    expect(report.ok).toBe(true)
    const v1 = await api().artifact('mnist/digits:v1')
    expect((await v1.verify(root)).missing).toEqual(['README.md'])
    expect((await v1.verify(root)).differing.map((d) => d.path)).toEqual(['train.csv'])
  })
})
