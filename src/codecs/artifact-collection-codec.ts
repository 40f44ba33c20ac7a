import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { nullable } from './nullable.js'
import { ProjectInfo } from './artifact-node-codec.js'

/** `ArtifactCollectionFragment` (PROTOCOL.md §8), plus the collection's aliases where selected. @internal */
export const ARTIFACT_COLLECTION_FIELDS = `__typename id name description createdAt updatedAt
  project { name entity { name } } type: defaultArtifactType { name } tags { edges { node { name } } }`

/** @internal */
export const ArtifactCollectionNode = t.intersection([
  t.type({ id: t.string, name: t.string }),
  t.partial({
    __typename: t.string,
    description: nullable(t.string),
    createdAt: nullable(DateFromIsoString),
    updatedAt: nullable(DateFromIsoString),
    project: nullable(ProjectInfo),
    type: nullable(t.type({ name: t.string })),
    tags: nullable(t.type({ edges: t.array(t.type({ node: t.type({ name: t.string }) })) })),
    aliases: nullable(t.type({ edges: t.array(t.type({ node: nullable(t.type({ alias: t.string })) })) })),
  }),
])
export type ArtifactCollectionNode = t.TypeOf<typeof ArtifactCollectionNode>

/**
 * A named series of artifact versions: a sequence (versions logged under that name) or a
 * portfolio (versions linked into it, as registry collections are). Plain, frozen data.
 *
 * @example
 * ```ts
 * const c: ArtifactCollection = { name: 'mnist', type: 'dataset', kind: 'sequence', entity: 'team', project: 'mnist', … }
 * ```
 */
export interface ArtifactCollection {
  readonly id: string
  readonly name: string
  readonly type: string | null
  /** `sequence` (logged to) or `portfolio` (linked to). */
  readonly kind: 'sequence' | 'portfolio'
  readonly entity: string | null
  readonly project: string | null
  readonly description: string | null
  readonly tags: readonly string[]
  readonly aliases: readonly string[]
  readonly createdAt: Date | null
  readonly updatedAt: Date | null
}

/** @internal */
export const toArtifactCollection = (node: ArtifactCollectionNode): ArtifactCollection =>
  Object.freeze({
    id: node.id,
    name: node.name,
    type: node.type?.name ?? null,
    kind: node.__typename === 'ArtifactPortfolio' ? 'portfolio' : 'sequence',
    entity: node.project?.entity.name ?? null,
    project: node.project?.name ?? null,
    description: node.description ?? null,
    tags: Object.freeze((node.tags?.edges ?? []).map((e) => e.node.name)),
    aliases: Object.freeze((node.aliases?.edges ?? []).flatMap((e) => (e.node ? [e.node.alias] : []))),
    createdAt: node.createdAt ?? null,
    updatedAt: node.updatedAt ?? null,
  })

/** An artifact type of a project (`dataset`, `model`, …). @internal */
export const ArtifactTypeNode = t.intersection([
  t.type({ id: t.string, name: t.string }),
  t.partial({ description: nullable(t.string), createdAt: nullable(DateFromIsoString) }),
])
export type ArtifactTypeNode = t.TypeOf<typeof ArtifactTypeNode>

/**
 * An artifact type of a project: plain, frozen data.
 *
 * @example
 * ```ts
 * const types = await api.artifactTypes('team/mnist').toArray() // [{ name: 'dataset', … }, { name: 'model', … }]
 * ```
 */
export interface ArtifactType {
  readonly id: string
  readonly name: string
  readonly description: string | null
  readonly createdAt: Date | null
}

/** @internal */
export const toArtifactType = (node: ArtifactTypeNode): ArtifactType =>
  Object.freeze({
    id: node.id,
    name: node.name,
    description: node.description ?? null,
    createdAt: node.createdAt ?? null,
  })
