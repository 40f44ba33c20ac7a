import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { Int64 } from './int64.js'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'
import { toRunFile } from './run-file-codec.js'

/** `FileFragment` of artifact files (PROTOCOL.md §8): `name` is the path inside the artifact. @internal */
export const ARTIFACT_FILE_FIELDS =
  'id name: displayName url sizeBytes storagePath mimetype updatedAt digest md5 directUrl'

/** @internal */
export const ArtifactFileNode = t.intersection([
  t.type({ id: t.string, name: t.string }),
  t.partial({
    url: nullable(t.string),
    directUrl: nullable(t.string),
    sizeBytes: nullable(Int64),
    storagePath: nullable(t.string),
    mimetype: nullable(t.string),
    updatedAt: nullable(DateFromIsoString),
    digest: nullable(t.string),
    md5: nullable(t.string),
  }),
])
export type ArtifactFileNode = t.TypeOf<typeof ArtifactFileNode>

/**
 * A file of an artifact version: plain, frozen data. Its bytes are at `directUrl`, a signed
 * URL that is fetched without the API key.
 *
 * @example
 * ```ts
 * const f: ArtifactFile = { name: 'images/0.png', sizeBytes: 4120, md5: 'rL0Y20zC+Fzt72VPzMSk2A==', … }
 * ```
 */
export interface ArtifactFile {
  readonly id: string
  /** Path inside the artifact (`images/0.png`). */
  readonly name: string
  readonly url: string | null
  readonly directUrl: string | null
  readonly sizeBytes: number
  readonly storagePath: string | null
  readonly mimetype: string | null
  readonly updatedAt: Date | null
  /** Base64 MD5 of the content. */
  readonly md5: string | null
}

/** @internal A run file's fields, plus the storage path; `md5` falls back to the manifest digest. */
export const toArtifactFile = (node: ArtifactFileNode): ArtifactFile =>
  Object.freeze({
    ...toRunFile(node),
    storagePath: node.storagePath ?? null,
    md5: node.md5 ?? node.digest ?? null,
  })

/** One page of `artifactCollection(name) { artifactMembership(aliasName) { files } }`. @internal */
export const ArtifactFilesResponse = t.type({
  project: nullable(
    t.type({
      artifactCollection: nullable(
        t.type({
          artifactMembership: nullable(
            t.type({
              files: t.type({
                edges: t.array(t.type({ node: nullable(ArtifactFileNode) })),
                pageInfo: PageInfo,
              }),
            }),
          ),
        }),
      ),
    }),
  ),
})
