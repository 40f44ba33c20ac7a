import * as t from 'io-ts'
import { nullable } from './nullable.js'

/** One `contents` entry of a manifest, as stored. @internal */
export const ManifestEntryCodec = t.intersection([
  t.type({ digest: t.string }),
  t.partial({
    size: nullable(t.number),
    ref: nullable(t.string),
    birthArtifactID: nullable(t.string),
    extra: nullable(t.UnknownRecord),
  }),
])

/**
 * An artifact manifest (`wandb_manifest.json`, PROTOCOL.md §8): storage policy and one entry
 * per file path, each with its base64 MD5 `digest` and `size`.
 * @internal
 */
export const ArtifactManifestCodec = t.intersection([
  t.type({ version: t.number, contents: t.record(t.string, ManifestEntryCodec) }),
  t.partial({ storagePolicy: t.string, storagePolicyConfig: t.UnknownRecord }),
])
export type ArtifactManifestCodec = t.TypeOf<typeof ArtifactManifestCodec>

/** `artifact(id) { currentManifest { file { directUrl } } }`. @internal */
export const ManifestUrlResponse = t.type({
  artifact: nullable(
    t.type({
      currentManifest: nullable(t.type({ file: nullable(t.type({ directUrl: nullable(t.string) })) })),
    }),
  ),
})
