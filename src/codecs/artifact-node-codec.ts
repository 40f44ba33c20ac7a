import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { Int64 } from './int64.js'
import { JsonRecord } from './json-record.js'
import { nullable } from './nullable.js'

/** `ProjectInfoFragment`: where a collection lives. @internal */
export const ProjectInfo = t.type({ name: t.string, entity: t.type({ name: t.string }) })
export type ProjectInfo = t.TypeOf<typeof ProjectInfo>

/** `CollectionInfoFragment`: a sequence or portfolio by name and project. @internal */
export const CollectionInfo = t.intersection([
  t.type({ name: t.string, project: ProjectInfo }),
  t.partial({ __typename: t.string }),
])
export type CollectionInfo = t.TypeOf<typeof CollectionInfo>

/** `ArtifactAliasFragment` with its collection. @internal */
export const ArtifactAliasNode = t.intersection([
  t.type({ alias: t.string }),
  t.partial({ artifactCollection: nullable(CollectionInfo) }),
])
export type ArtifactAliasNode = t.TypeOf<typeof ArtifactAliasNode>

/** The selection of `ArtifactFragment` (PROTOCOL.md §8); `aliases` only where it is selected. @internal */
export const ARTIFACT_FIELDS = `id digest state description metadata size fileCount commitHash versionIndex
  historyStep ttlDurationSeconds createdAt updatedAt
  artifactType { name } tags { name }
  artifactSequence { __typename name project { name entity { name } } }`

/** An `Artifact` node as W&B sends it. @internal */
export const ArtifactNode = t.intersection([
  t.type({
    id: t.string,
    digest: t.string,
    state: t.string,
    artifactType: t.type({ name: t.string }),
    artifactSequence: CollectionInfo,
  }),
  t.partial({
    description: nullable(t.string),
    metadata: JsonRecord,
    size: nullable(Int64),
    fileCount: nullable(Int64),
    commitHash: nullable(t.string),
    versionIndex: nullable(t.number),
    historyStep: nullable(Int64),
    ttlDurationSeconds: nullable(Int64),
    createdAt: nullable(DateFromIsoString),
    updatedAt: nullable(DateFromIsoString),
    tags: nullable(t.array(t.type({ name: t.string }))),
    aliases: nullable(t.array(ArtifactAliasNode)),
  }),
])
export type ArtifactNode = t.TypeOf<typeof ArtifactNode>
