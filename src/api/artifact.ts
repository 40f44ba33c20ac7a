import { platform } from '#platform'
import { filter } from 'rxjs'
import {
  ArtifactFilesResponse,
  ARTIFACT_FILE_FIELDS,
  toArtifactFile,
  type ArtifactFile,
} from '../codecs/artifact-file-codec.js'
import { ArtifactManifestCodec, ManifestUrlResponse } from '../codecs/artifact-manifest-codec.js'
import type { ArtifactNode } from '../codecs/artifact-node-codec.js'
import { decode } from '../codecs/decode.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { ResponseDecodeError } from '../errors/response-decode-error.js'
import type { ApiContext } from '../internal/api-context.js'
import type { RequestSlots } from '../transport/request-slots.js'
import { firstOrUndefined } from '../streams/first-or-undefined.js'
import type {
  ArtifactVerification,
  DownloadArtifactOptions,
  DownloadedArtifact,
} from './artifact-download-types.js'
import { toArtifactManifest, type ArtifactManifest } from './artifact-manifest.js'
import { createPagedListing, type PagedListing } from './paged-listing.js'

/**
 * The plain data of an artifact version (Python `Artifact` attributes, camelCase).
 *
 * @example
 * ```ts
 * const data: ArtifactData = (await api.artifact('team/mnist/digits:v1')).toJSON()
 * ```
 */
export interface ArtifactData {
  /** GraphQL id. */
  readonly id: string
  /** `<collection>:v<n>` in the collection it was reached through. */
  readonly name: string
  /** `<entity>/<project>/<collection>:v<n>`. */
  readonly qualifiedName: string
  readonly entity: string
  readonly project: string
  /** The collection (sequence, or portfolio such as a registry collection) it was reached through. */
  readonly collection: string
  readonly type: string
  /** `v<n>` in that collection. */
  readonly version: string
  readonly versionIndex: number | null
  /** Aliases in that collection (`latest`, `best`, …). */
  readonly aliases: readonly string[]
  readonly tags: readonly string[]
  /** Where it was logged: the sequence, its project and entity, and its version there. */
  readonly sourceEntity: string
  readonly sourceProject: string
  readonly sourceCollection: string
  readonly sourceVersion: string
  readonly state: string
  /** Hex MD5 over the manifest entries (PROTOCOL.md §8). */
  readonly digest: string
  readonly commitHash: string | null
  readonly description: string | null
  readonly metadata: Readonly<Record<string, unknown>>
  readonly size: number
  readonly fileCount: number
  readonly historyStep: number | null
  readonly ttlDurationSeconds: number | null
  readonly createdAt: Date | null
  readonly updatedAt: Date | null
}

/**
 * Where a version was reached: its collection, project, entity, index and aliases there.
 *
 * @example
 * ```ts
 * toArtifactData(node, { entity: 'team', project: 'mnist', collection: 'digits', versionIndex: 3 })
 * ```
 */
export interface ArtifactContext {
  readonly entity: string
  readonly project: string
  readonly collection: string
  readonly versionIndex: number | null | undefined
  /** The membership's aliases; when absent they are taken from the node, for this collection. */
  readonly aliases?: readonly string[] | undefined
}

const isVersionName = (alias: string) => /^v\d+$/.test(alias)

/**
 * The plain data of a decoded `Artifact` node reached through `context`.
 *
 * @example
 * ```ts
 * const data = toArtifactData(node, { entity: 'team', project: 'mnist', collection: 'digits', versionIndex: 3 })
 * data.name // 'digits:v3'
 * ```
 */
export function toArtifactData(node: ArtifactNode, context: ArtifactContext): ArtifactData {
  const source = node.artifactSequence
  const versionIndex = context.versionIndex ?? node.versionIndex ?? null
  const aliases =
    context.aliases ??
    (node.aliases ?? [])
      .filter(
        (a) =>
          !a.artifactCollection ||
          (a.artifactCollection.name === context.collection &&
            a.artifactCollection.project.name === context.project),
      )
      .map((a) => a.alias)
  const version = versionIndex === null ? 'v?' : `v${versionIndex}`
  const name = `${context.collection}:${version}`
  return Object.freeze({
    id: node.id,
    name,
    qualifiedName: `${context.entity}/${context.project}/${name}`,
    entity: context.entity,
    project: context.project,
    collection: context.collection,
    type: node.artifactType.name,
    version,
    versionIndex,
    aliases: Object.freeze([...new Set(aliases)].filter((a) => !isVersionName(a))),
    tags: Object.freeze((node.tags ?? []).map((t) => t.name)),
    sourceEntity: source.project.entity.name,
    sourceProject: source.project.name,
    sourceCollection: source.name,
    sourceVersion:
      node.versionIndex === null || node.versionIndex === undefined ? version : `v${node.versionIndex}`,
    state: node.state,
    digest: node.digest,
    commitHash: node.commitHash ?? null,
    description: node.description ?? null,
    metadata: Object.freeze({ ...(node.metadata ?? {}) }),
    size: node.size ?? 0,
    fileCount: node.fileCount ?? 0,
    historyStep: node.historyStep ?? null,
    ttlDurationSeconds:
      node.ttlDurationSeconds !== null && (node.ttlDurationSeconds ?? -1) >= 0
        ? node.ttlDurationSeconds!
        : null,
    createdAt: node.createdAt ?? null,
    updatedAt: node.updatedAt ?? null,
  })
}

const MANIFEST_QUERY = `query FetchArtifactManifest($id: ID!) {
  artifact(id: $id) { currentManifest { file { directUrl } } }
}`

const FILES_QUERY = `query ArtifactMembershipFiles($entity: String!, $project: String!, $collection: String!,
  $alias: String!, $fileNames: [String!], $cursor: String, $perPage: Int = 50) {
  project(name: $project, entityName: $entity) {
    artifactCollection(name: $collection) {
      artifactMembership(aliasName: $alias) {
        files(names: $fileNames, after: $cursor, first: $perPage) {
          edges { node { ${ARTIFACT_FILE_FIELDS} } } pageInfo { endCursor hasNextPage }
        }
      }
    }
  }
}`

/**
 * Options of {@link Artifact.files}.
 *
 * @example
 * ```ts
 * await artifact.files({ names: ['train.csv'], perPage: 100 }).toArray()
 * ```
 */
export interface ArtifactFilesOptions {
  /** Only these paths. */
  readonly names?: readonly string[]
  /** Files per request. Default 50. */
  readonly perPage?: number
}

/**
 * One artifact version: its data (plain fields, Python names in camelCase) and what you can do
 * with it: read its manifest and file list, stream one file, download it to disk and verify a
 * download. Get one with `api.artifact('entity/project/name:alias')`.
 *
 * Signed file URLs (`directUrl`) are always fetched without the API key.
 *
 * @example
 * ```ts
 * const a = await api.artifact('team/mnist/digits:best')
 * console.log(a.qualifiedName, a.aliases, a.fileCount) // 'team/mnist/digits:v3' ['best', 'latest'] 2
 * const { downloaded } = await a.download({ root: 'data' })
 * const report = await a.verify('data') // { ok: true, differing: [], missing: [], extra: [], … }
 * ```
 */
export class Artifact implements ArtifactData {
  readonly id!: string
  readonly name!: string
  readonly qualifiedName!: string
  readonly entity!: string
  readonly project!: string
  readonly collection!: string
  readonly type!: string
  readonly version!: string
  readonly versionIndex!: number | null
  readonly aliases!: readonly string[]
  readonly tags!: readonly string[]
  readonly sourceEntity!: string
  readonly sourceProject!: string
  readonly sourceCollection!: string
  readonly sourceVersion!: string
  readonly state!: string
  readonly digest!: string
  readonly commitHash!: string | null
  readonly description!: string | null
  readonly metadata!: Readonly<Record<string, unknown>>
  readonly size!: number
  readonly fileCount!: number
  readonly historyStep!: number | null
  readonly ttlDurationSeconds!: number | null
  readonly createdAt!: Date | null
  readonly updatedAt!: Date | null
  readonly #ctx: ApiContext
  #manifest: Promise<ArtifactManifest> | undefined

  /** @internal Use `api.artifact(name)` or a listing. */
  constructor(ctx: ApiContext, data: ArtifactData) {
    this.#ctx = ctx
    Object.assign(this, data)
    Object.freeze(this)
  }

  /**
   * The manifest (fetched once, then cached): `artifact(id) { currentManifest { file {
   * directUrl } } }`, then a GET of that signed URL without the API key.
   */
  manifest(options: { readonly signal?: AbortSignal } = {}): Promise<ArtifactManifest> {
    const load = () => fetchManifest(this.#ctx, this.id, this.qualifiedName, options.signal)
    if (options.signal) return load()
    const cached = (this.#manifest ??= load())
    cached.catch(() => (this.#manifest = undefined))
    return cached
  }

  /**
   * The stored files of this version with their signed URLs, by path (reference entries, whose
   * bytes live outside W&B, are not listed).
   */
  files(options: ArtifactFilesOptions = {}): PagedListing<ArtifactFile> {
    const { entity, project, collection, version } = this
    const names = options.names
    return createPagedListing(
      this.#ctx,
      async (cursor, perPage, signal) => {
        const variables = {
          entity,
          project,
          collection,
          alias: version,
          fileNames: names ?? null,
          cursor,
          perPage,
        }
        const data = await this.#ctx.http.graphql({ query: FILES_QUERY, variables, signal })
        const membership = decode(ArtifactFilesResponse, data, 'ArtifactMembershipFiles').project
          ?.artifactCollection?.artifactMembership
        if (!membership) throw new NotFoundError('artifact', this.qualifiedName)
        const { edges, pageInfo } = membership.files
        return {
          items: edges.flatMap((e) => (e.node ? [toArtifactFile(e.node)] : [])),
          cursor: pageInfo.endCursor ?? cursor,
          hasNextPage: pageInfo.hasNextPage,
        }
      },
      options.perPage ?? 50,
    )
  }

  /** One file by path; `NotFoundError` when the version has no such stored file. */
  async file(path: string, options: { readonly signal?: AbortSignal } = {}): Promise<ArtifactFile> {
    const exact = this.files({ names: [path], perPage: 1 })
      .stream()
      .pipe(filter((f) => f.name === path))
    const found = await firstOrUndefined(exact, options.signal)
    if (!found) throw new NotFoundError('artifact file', `${this.qualifiedName}/${path}`)
    return found
  }

  /**
   * Starts downloading one file and returns the 2xx `Response` with its body unread (stream it,
   * or `.blob()` it in browsers). The signed URL is fetched without the API key.
   */
  async openFile(
    file: string | ArtifactFile,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<Response> {
    const found = typeof file === 'string' ? await this.file(file, options) : file
    const url = found.directUrl ?? found.url
    if (!url) throw new NotFoundError('artifact file content', `${this.qualifiedName}/${found.name}`)
    return this.#ctx.http.request({
      url,
      method: 'GET',
      credentials: 'omit',
      signal: options.signal,
      operation: `download ${found.name}`,
    })
  }

  /**
   * Downloads every stored file to `root` (Python `artifact.download(root)`; Node only, else
   * `NodeOnlyError`). Parallel and bounded, atomic per file, verified against the manifest, and
   * resumable: files already present with the right digest are skipped. See `downloadArtifact`.
   */
  download(options: DownloadArtifactOptions = {}): Promise<DownloadedArtifact> {
    return platform.downloadArtifact(this, options)
  }

  /**
   * Checks a local copy against the manifest (Node only, else `NodeOnlyError`; see `verifyArtifact`):
   * which files differ, are missing or are extra, and whether the manifest hashes to `digest`.
   */
  verify(root?: string, options: { readonly signal?: AbortSignal } = {}): Promise<ArtifactVerification> {
    return platform.verifyArtifact(this, root, options)
  }

  /** @internal The `Api`'s adaptive request slots, shared by downloads and history scans. */
  get requestSlots(): RequestSlots {
    return this.#ctx.http.slots
  }

  /** The plain data, e.g. for `JSON.stringify`. */
  toJSON(): ArtifactData {
    const { ...data } = this
    return data
  }
}

async function fetchManifest(
  ctx: ApiContext,
  id: string,
  path: string,
  signal: AbortSignal | undefined,
): Promise<ArtifactManifest> {
  const data = await ctx.http.graphql({ query: MANIFEST_QUERY, variables: { id }, signal })
  const artifact = decode(ManifestUrlResponse, data, 'FetchArtifactManifest').artifact
  if (!artifact) throw new NotFoundError('artifact', path)
  const url = artifact.currentManifest?.file?.directUrl
  if (!url) throw new NotFoundError('artifact manifest', path)
  const text = await readSigned(ctx, url, signal)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ResponseDecodeError('artifact manifest', [
      { path: '', expected: 'JSON', actual: text.slice(0, 80) },
    ])
  }
  return toArtifactManifest(decode(ArtifactManifestCodec, json, 'artifact manifest'))
}

/** GETs a signed URL as text, without the API key; a body cut off mid-transfer is read again. */
async function readSigned(
  ctx: ApiContext,
  url: string,
  signal: AbortSignal | undefined,
  attempts = 3,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const response = await ctx.http.request({
      url,
      method: 'GET',
      credentials: 'omit',
      signal,
      operation: 'manifest',
    })
    try {
      return await response.text()
    } catch (error) {
      if (signal?.aborted || attempt >= attempts) throw error
    }
  }
}
