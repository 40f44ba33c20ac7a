import type { GraphqlContext } from '../context.js'
import { AliasNode } from './alias-node.js'
import { ArtifactFileNode } from './artifact-file-node.js'
import { ArtifactNode } from './artifact-node.js'
import type { ArtifactNodes } from './artifact-nodes.js'
import { ArtifactTypeNode } from './artifact-type-node.js'
import { CollectionNode } from './collection-node.js'
import { ManifestNode } from './manifest-node.js'
import { MembershipNode } from './membership-node.js'
import { OrganizationNode } from './organization-node.js'

const cache = new WeakMap<GraphqlContext, ArtifactNodes>()

/** The artifact node factory of one request context (built once per request). */
export function artifactNodes(ctx: GraphqlContext): ArtifactNodes {
  let nodes = cache.get(ctx)
  if (!nodes) {
    const self: ArtifactNodes = {
      ctx,
      artifact: (row) => new ArtifactNode(self, row),
      collection: (row) => new CollectionNode(self, row),
      membership: (row) => new MembershipNode(self, row),
      type: (row) => new ArtifactTypeNode(self, row),
      alias: (row) => new AliasNode(self, row),
      manifest: (row) => new ManifestNode(self, row),
      file: (blob, name) => new ArtifactFileNode(self, blob, name),
      organization: (row) => new OrganizationNode(self, row),
    }
    cache.set(ctx, (nodes = self))
  }
  return nodes
}
