import { createHash, randomUUID } from 'node:crypto'
import { ProtocolClient } from './protocol-client.js'

/** What {@link logArtifact} logs: one new version of `name` (a sequence) of type `type`. */
export interface LogArtifactOptions {
  readonly entity: string
  readonly project: string
  readonly type: string
  readonly name: string
  /** Path inside the artifact → content. */
  readonly files: Readonly<Record<string, string | Uint8Array>>
  /** Aliases besides `latest` (which always moves to the new version). */
  readonly aliases?: readonly string[]
  readonly metadata?: Readonly<Record<string, unknown>>
  readonly description?: string
  readonly tags?: readonly string[]
  /** The run logging it (must exist); the version becomes one of its output artifacts. */
  readonly run?: string
  /**
   * Manifest entries written as given, without uploading: for tests of hostile or broken
   * manifests. The server serves an entry when some stored file has its digest.
   */
  readonly extraEntries?: Readonly<Record<string, { readonly digest: string; readonly size: number }>>
}

/** The logged version. */
export interface LoggedArtifact {
  /** GraphQL id of the artifact. */
  readonly id: string
  /** `v0`, `v1`, ... */
  readonly version: string
  /** Hex MD5 over the manifest entries (PROTOCOL.md §8). */
  readonly digest: string
}

const b64md5 = (data: string | Uint8Array) => createHash('md5').update(data).digest('base64')

/** W&B's artifact digest: hex MD5 of the header plus `path:digest` lines, sorted by path. */
export function manifestDigest(contents: Readonly<Record<string, { readonly digest: string }>>): string {
  const hash = createHash('md5').update('wandb-artifact-manifest-v1\n')
  for (const path of Object.keys(contents).sort()) hash.update(`${path}:${contents[path]!.digest}\n`)
  return hash.digest('hex')
}

const CREATE = `mutation CreateArtifact($input: CreateArtifactInput!) {
  createArtifact(input: $input) { artifact { id state digest } } }`
const FILES = `mutation CreateArtifactFiles($artifactFiles: [CreateArtifactFileSpecInput!]!, $storageLayout: ArtifactStorageLayout!) {
  createArtifactFiles(input: {artifactFiles: $artifactFiles, storageLayout: $storageLayout}) {
    files { edges { node { name uploadUrl uploadHeaders } } } } }`
const MANIFEST = `mutation CreateArtifactManifest($artifactID: ID!, $name: String!, $digest: String!, $entityName: String!,
  $projectName: String!, $runName: String!) {
  createArtifactManifest(input: {artifactID: $artifactID, name: $name, digest: $digest, entityName: $entityName,
    projectName: $projectName, runName: $runName, type: FULL}) {
    artifactManifest { id file { id uploadUrl uploadHeaders } } } }`
const COMMIT = `mutation CommitArtifact($artifactID: ID!) {
  commitArtifact(input: {artifactID: $artifactID}) { artifact { id digest versionIndex } } }`
const VERSION = `query ArtifactVersion($id: ID!) { artifact(id: $id) { versionIndex } }`

async function put(url: string, headers: readonly string[], body: string | Uint8Array): Promise<void> {
  const init: Record<string, string> = {}
  for (const header of headers) {
    const at = header.indexOf(':')
    init[header.slice(0, at)] = header.slice(at + 1)
  }
  const res = await fetch(url, {
    method: 'PUT',
    headers: init,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
  if (!res.ok) throw new Error(`logArtifact: upload failed with ${res.status}: ${await res.text()}`)
}

/**
 * Logs an artifact version the way the W&B SDK does, over HTTP: `createArtifact` →
 * `createArtifactFiles` + PUT of each file → `createArtifactManifest` + PUT of the manifest →
 * `commitArtifact`. A version with the same digest as an existing one is de-duplicated (the
 * existing version is returned, gaining the aliases). This is the seeding API for artifacts.
 *
 * @example
 * const srv = await startServer()
 * const v = await logArtifact(srv, { entity: srv.entity, project: 'mnist', type: 'dataset', name: 'digits',
 *   files: { 'train.csv': 'x,y\n1,2\n' }, aliases: ['best'] })
 * // v.version → 'v0'
 */
export async function logArtifact(
  server: { readonly url: string; readonly apiKey: string },
  options: LogArtifactOptions,
): Promise<LoggedArtifact> {
  const client = new ProtocolClient(server.url, server.apiKey)
  const contents: Record<string, { digest: string; size: number }> = {}
  for (const [path, content] of Object.entries(options.files)) {
    contents[path] = {
      digest: b64md5(content),
      size: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
    }
  }
  Object.assign(contents, options.extraEntries)
  const digest = manifestDigest(contents)
  const created = await client.graphql<{ createArtifact: { artifact: { id: string; state: string } } }>(
    CREATE,
    {
      input: {
        entityName: options.entity,
        projectName: options.project,
        ...(options.run ? { runName: options.run } : {}),
        artifactTypeName: options.type,
        artifactCollectionName: options.name,
        digest,
        digestAlgorithm: 'MANIFEST_MD5',
        description: options.description ?? null,
        metadata: JSON.stringify(options.metadata ?? {}),
        aliases: (options.aliases ?? []).map((alias) => ({ artifactCollectionName: options.name, alias })),
        tags: (options.tags ?? []).map((tagName) => ({ tagName })),
        enableDigestDeduplication: true,
        clientID: randomUUID(),
        sequenceClientID: randomUUID(),
      },
    },
  )
  const { id, state } = created.createArtifact.artifact
  if (state !== 'COMMITTED') {
    const names = Object.keys(options.files)
    if (names.length > 0) {
      const files = await client.graphql<{
        createArtifactFiles: {
          files: { edges: { node: { name: string; uploadUrl: string | null; uploadHeaders: string[] } }[] }
        }
      }>(FILES, {
        artifactFiles: names.map((name) => ({ artifactID: id, name, md5: contents[name]!.digest })),
        storageLayout: 'V2',
      })
      for (const { node } of files.createArtifactFiles.files.edges) {
        if (node.uploadUrl) await put(node.uploadUrl, node.uploadHeaders, options.files[node.name]!)
      }
    }
    const manifest = await client.graphql<{
      createArtifactManifest: { artifactManifest: { file: { uploadUrl: string; uploadHeaders: string[] } } }
    }>(MANIFEST, {
      artifactID: id,
      name: 'wandb_manifest.json',
      digest,
      entityName: options.entity,
      projectName: options.project,
      runName: options.run ?? '',
    })
    const body = JSON.stringify({
      version: 1,
      storagePolicy: 'wandb-storage-policy-v1',
      storagePolicyConfig: { storageLayout: 'V2' },
      contents,
    })
    const { uploadUrl, uploadHeaders } = manifest.createArtifactManifest.artifactManifest.file
    await put(uploadUrl, uploadHeaders, body)
    await client.graphql(COMMIT, { artifactID: id })
  }
  const version = await client.graphql<{ artifact: { versionIndex: number | null } }>(VERSION, { id })
  return { id, version: `v${version.artifact.versionIndex ?? 0}`, digest }
}
