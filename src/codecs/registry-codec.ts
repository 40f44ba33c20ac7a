import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'

/** `RegistryFragment` (`artifacts/registries.graphql`), plus the project's entity name. @internal */
export const REGISTRY_FIELDS = `id name entityName description createdAt updatedAt access allowAllArtifactTypesInRegistry
  artifactTypes(includeAll: true) { edges { node { name } } }`

/** @internal */
export const RegistryNode = t.intersection([
  t.type({ id: t.string, name: t.string }),
  t.partial({
    entityName: nullable(t.string),
    description: nullable(t.string),
    createdAt: nullable(DateFromIsoString),
    updatedAt: nullable(DateFromIsoString),
    access: nullable(t.string),
    allowAllArtifactTypesInRegistry: nullable(t.boolean),
    artifactTypes: nullable(
      t.type({ edges: t.array(t.type({ node: nullable(t.type({ name: t.string })) })) }),
    ),
  }),
])
export type RegistryNode = t.TypeOf<typeof RegistryNode>

/** `organization(name) { orgEntity { name projects(filters, after, first) } }`. @internal */
export const RegistriesResponse = t.type({
  organization: nullable(
    t.type({
      orgEntity: nullable(
        t.type({
          name: t.string,
          projects: nullable(
            t.type({ edges: t.array(t.type({ node: nullable(RegistryNode) })), pageInfo: PageInfo }),
          ),
        }),
      ),
    }),
  ),
})
