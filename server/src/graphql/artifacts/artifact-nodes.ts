import type {
  AliasRow,
  ArtifactRow,
  ArtifactTypeRow,
  BlobRow,
  CollectionRow,
  ManifestRow,
  MembershipRow,
} from '../../store/artifact-rows.js'
import type { OrganizationRow } from '../../store/organizations.js'
import type { GraphqlContext } from '../context.js'

/**
 * Builds resolver objects for artifact rows. Node classes reach each other only through this
 * interface (the implementation imports them all), which keeps the module graph acyclic.
 */
export interface ArtifactNodes {
  readonly ctx: GraphqlContext
  artifact(row: ArtifactRow): object
  collection(row: CollectionRow): object
  membership(row: MembershipRow): object
  type(row: ArtifactTypeRow): object
  alias(row: AliasRow): object
  manifest(row: ManifestRow): object
  /** A file of an artifact: `blob` holds the bytes, `name` is its path in the manifest. */
  file(blob: BlobRow, name?: string): object
  organization(row: OrganizationRow): object
}
