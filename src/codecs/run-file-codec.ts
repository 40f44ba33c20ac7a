import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'

/** A file node as W&B sends it (PROTOCOL.md §6). */
export const RunFileNode = t.intersection([
  t.type({ id: t.string, name: t.string }),
  t.partial({
    url: nullable(t.string),
    directUrl: nullable(t.string),
    sizeBytes: nullable(t.number),
    mimetype: nullable(t.string),
    updatedAt: nullable(DateFromIsoString),
    md5: nullable(t.string),
  }),
])
export type RunFileNode = t.TypeOf<typeof RunFileNode>

/**
 * A file saved with a run: plain, frozen data. Download it with `api.run(path).file(name)`.
 *
 * @example
 * ```ts
 * const f: RunFile = { id: 'RmlsZTox', name: 'config.yaml', sizeBytes: 412, md5: 'rL0Y20zC+Fzt72VPzMSk2A==', … }
 * ```
 */
export interface RunFile {
  readonly id: string
  readonly name: string
  /** The W&B download URL (under the base URL; needs the API key). */
  readonly url: string | null
  /** A signed storage URL (never sent the API key). */
  readonly directUrl: string | null
  readonly sizeBytes: number
  readonly mimetype: string | null
  readonly updatedAt: Date | null
  /** Base64 MD5 of the content. */
  readonly md5: string | null
}

/** The user-facing {@link RunFile} from a decoded node; a missing size counts as 0, as in Python. */
export const toRunFile = (node: RunFileNode): RunFile =>
  Object.freeze({
    id: node.id,
    name: node.name,
    url: node.url ?? null,
    directUrl: node.directUrl ?? null,
    sizeBytes: node.sizeBytes ?? 0,
    mimetype: node.mimetype ?? null,
    updatedAt: node.updatedAt ?? null,
    md5: node.md5 ?? null,
  })

/** One page of `run.files`, plus `fileCount`. */
export const RunFilesResponse = t.type({
  project: nullable(
    t.type({
      run: nullable(
        t.intersection([
          t.type({
            files: t.type({
              edges: t.array(t.type({ node: RunFileNode, cursor: t.string })),
              pageInfo: PageInfo,
            }),
          }),
          t.partial({ fileCount: nullable(t.number) }),
        ]),
      ),
    }),
  ),
})
export type RunFilesResponse = t.TypeOf<typeof RunFilesResponse>
