import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logArtifact, manifestDigest, startServer } from '../src/index.js'
import { gql, gqlOk } from './helpers.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let bob: { apiKey: string }

const b64md5 = (s: string) => createHash('md5').update(s).digest('base64')
const CREATE = `mutation($input: CreateArtifactInput!) { createArtifact(input: $input) { artifact { id state versionIndex } } }`
const FILES = `mutation($files: [CreateArtifactFileSpecInput!]!) {
  createArtifactFiles(input: {artifactFiles: $files, storageLayout: V2}) { files { edges { node { name uploadUrl uploadHeaders } } } } }`
const MANIFEST = `mutation($id: ID!, $digest: String!) { createArtifactManifest(input: {artifactID: $id, name: "wandb_manifest.json",
  digest: $digest, entityName: "local", projectName: "p", runName: ""}) { artifactManifest { file { uploadUrl } } } }`
const COMMIT = `mutation($id: ID!) { commitArtifact(input: {artifactID: $id}) { artifact { state versionIndex } } }`

function input(name: string, digest: string) {
  return {
    entityName: 'local',
    projectName: 'p',
    artifactTypeName: 'dataset',
    artifactCollectionName: name,
    digest,
    digestAlgorithm: 'MANIFEST_MD5',
    enableDigestDeduplication: true,
  }
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  bob = srv.createUser({ username: 'bob' })
})
afterAll(() => srv.close())

describe('artifact logging protocol', () => {
  it('checks Content-MD5 on upload and refuses to commit before every file and the manifest are stored', async () => {
    const contents = { 'a.txt': { digest: b64md5('hello'), size: 5 } }
    const digest = manifestDigest(contents)
    const { createArtifact } = await gqlOk(srv, CREATE, { input: input('strict', digest) })
    const id = createArtifact.artifact.id
    expect(createArtifact.artifact).toMatchObject({ state: 'PENDING', versionIndex: null })
    const { createArtifactFiles } = await gqlOk(srv, FILES, {
      files: [{ artifactID: id, name: 'a.txt', md5: b64md5('hello') }],
    })
    const file = createArtifactFiles.files.edges[0].node
    expect(file.uploadHeaders).toContain(`Content-MD5:${b64md5('hello')}`)
    const wrong = await fetch(file.uploadUrl, { method: 'PUT', body: 'HELLO' })
    expect(wrong.status).toBe(400)
    const forged = await fetch(file.uploadUrl.replace(/sig=[^&]+/, 'sig=forged'), {
      method: 'PUT',
      body: 'hello',
    })
    expect(forged.status).toBe(403)
    const early = await gql(srv, COMMIT, { id })
    expect(early.errors?.[0]?.message).toMatch(/manifest was not uploaded/)
    const { createArtifactManifest } = await gqlOk(srv, MANIFEST, { id, digest })
    const body = JSON.stringify({ version: 1, storagePolicy: 'wandb-storage-policy-v1', contents })
    expect(
      (await fetch(createArtifactManifest.artifactManifest.file.uploadUrl, { method: 'PUT', body })).status,
    ).toBe(200)
    expect((await gql(srv, COMMIT, { id })).errors?.[0]?.message).toMatch(/files not uploaded: a\.txt/)
    expect((await fetch(file.uploadUrl, { method: 'PUT', body: 'hello' })).status).toBe(200)
    const committed = await gqlOk(srv, COMMIT, { id })
    expect(committed.commitArtifact.artifact).toEqual({ state: 'COMMITTED', versionIndex: 0 })
    expect((await gqlOk(srv, COMMIT, { id })).commitArtifact.artifact.versionIndex).toBe(0) // idempotent
  })

  it('de-duplicates a version with the same digest and reuses stored bytes', async () => {
    const first = await logArtifact(srv, {
      entity: 'local',
      project: 'p',
      type: 'dataset',
      name: 'dedup',
      files: { 'x.txt': 'same' },
    })
    const again = await logArtifact(srv, {
      entity: 'local',
      project: 'p',
      type: 'dataset',
      name: 'dedup',
      files: { 'x.txt': 'same' },
      aliases: ['best'],
    })
    expect(again).toEqual(first)
    const other = await logArtifact(srv, {
      entity: 'local',
      project: 'p',
      type: 'dataset',
      name: 'reuse',
      files: { 'y.txt': 'same' },
    })
    expect(other.version).toBe('v0')
    const data = await gqlOk(
      srv,
      `{ project(name: "p", entityName: "local") {
      artifactCollectionMembership(name: "dedup:best") { versionIndex } } }`,
    )
    expect(data.project.artifactCollectionMembership.versionIndex).toBe(0)
  })

  it('rejects a collection reused with another type, and writes by non-members', async () => {
    const wrongType = await gql(srv, CREATE, {
      input: { ...input('strict', 'd'), artifactTypeName: 'model' },
    })
    expect(wrongType.errors?.[0]?.message).toMatch(/already exists with type dataset/)
    const outsider = await gql(srv, CREATE, { input: input('mine', 'd') }, bob.apiKey)
    expect(outsider.errors?.[0]?.extensions?.code).toBe('PERMISSION_ERROR')
    const pending = (await gqlOk(srv, CREATE, { input: input('pending', 'p1') })).createArtifact.artifact.id
    const hostile = await gql(srv, FILES, { files: [{ artifactID: pending, name: '../x', md5: 'x' }] })
    expect(hostile.errors?.[0]?.message).toMatch(/invalid artifact file name/)
  })

  it('keeps artifacts of private projects out of reach of other users', async () => {
    const v = await logArtifact(srv, {
      entity: 'local',
      project: 'private',
      type: 'dataset',
      name: 'secret',
      files: { 's.txt': 's' },
    })
    const seen = await gqlOk(srv, `query($id: ID!) { artifact(id: $id) { id } }`, { id: v.id }, bob.apiKey)
    expect(seen.artifact).toBeNull()
  })
})
