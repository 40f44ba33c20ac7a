import * as t from 'io-ts'
import { ArtifactCollectionNode, ArtifactTypeNode } from './artifact-collection-codec.js'
import { ArtifactNode, CollectionInfo } from './artifact-node-codec.js'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'

/** `ArtifactMembershipFragment`: a version as a member of one collection. @internal */
export const MembershipNode = t.intersection([
  t.type({ artifact: nullable(ArtifactNode) }),
  t.partial({
    versionIndex: nullable(t.number),
    aliases: nullable(t.array(t.type({ alias: t.string }))),
    artifactCollection: nullable(CollectionInfo),
  }),
])
export type MembershipNode = t.TypeOf<typeof MembershipNode>

/** `project { artifactCollectionMembership(name: "name:alias") }`. @internal */
export const MembershipByNameResponse = t.type({
  project: nullable(t.type({ artifactCollectionMembership: nullable(MembershipNode) })),
})

/** `project { artifactType(name) { artifactCollection(name) { artifacts(...) } } }`. @internal */
export const ArtifactVersionsResponse = t.type({
  project: nullable(
    t.type({
      artifactType: nullable(
        t.type({
          artifactCollection: nullable(
            t.intersection([
              t.type({ name: t.string }),
              t.partial({
                artifacts: nullable(
                  t.type({
                    edges: t.array(t.type({ version: t.string, node: nullable(ArtifactNode) })),
                    pageInfo: PageInfo,
                  }),
                ),
              }),
            ]),
          ),
        }),
      ),
    }),
  ),
})

const CollectionConnection = t.type({
  edges: t.array(t.type({ node: nullable(ArtifactCollectionNode) })),
  pageInfo: PageInfo,
})

/** `project { artifactType(name) { artifactCollections(...) } }`. @internal */
export const ArtifactCollectionsResponse = t.type({
  project: nullable(
    t.type({ artifactType: nullable(t.type({ artifactCollections: nullable(CollectionConnection) })) }),
  ),
})

/** `project { artifactTypes(...) }`. @internal */
export const ArtifactTypesResponse = t.type({
  project: nullable(
    t.type({
      artifactTypes: t.type({
        edges: t.array(t.type({ node: nullable(ArtifactTypeNode) })),
        pageInfo: PageInfo,
      }),
    }),
  ),
})

/** `project { run(name) { artifacts: inputArtifacts | outputArtifacts (...) } }`. @internal */
export const RunArtifactsResponse = t.type({
  project: nullable(
    t.type({
      run: nullable(
        t.type({
          artifacts: nullable(
            t.type({ edges: t.array(t.type({ node: nullable(ArtifactNode) })), pageInfo: PageInfo }),
          ),
        }),
      ),
    }),
  ),
})

/** Registry search (`organization { orgEntity { projects | artifactCollections | artifactMemberships } }`). @internal */
export const RegistryCollectionsResponse = t.type({
  organization: nullable(
    t.type({
      orgEntity: nullable(t.type({ name: t.string, artifactCollections: nullable(CollectionConnection) })),
    }),
  ),
})

/** @internal */
export const RegistryVersionsResponse = t.type({
  organization: nullable(
    t.type({
      orgEntity: nullable(
        t.type({
          name: t.string,
          artifactMemberships: nullable(
            t.type({ edges: t.array(t.type({ node: nullable(MembershipNode) })), pageInfo: PageInfo }),
          ),
        }),
      ),
    }),
  ),
})
