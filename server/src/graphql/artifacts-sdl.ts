/**
 * Schema extension for artifacts and registries: types, collections (sequences and portfolios),
 * versions with aliases, manifests and files, the logging mutations the SDK uses
 * (`createArtifact`, `createArtifactManifest`, `createArtifactFiles`, `commitArtifact`,
 * `useArtifact`, `linkArtifact`) and organizations with their org entity. Names and arguments
 * follow W&B's schema (`@wandb/sdk/dist/gql/graphql.d.ts`, `tools/graphql_codegen/artifacts`).
 */
export const ARTIFACTS_SDL = /* GraphQL */ `
  extend type Query {
    artifact(id: ID!): Artifact
    artifactCollection(id: ID!): ArtifactCollection
    organization(id: ID, name: String): Organization
  }

  extend type Mutation {
    createArtifact(input: CreateArtifactInput!): CreateArtifactPayload
    createArtifactManifest(input: CreateArtifactManifestInput!): CreateArtifactManifestPayload
    updateArtifactManifest(input: UpdateArtifactManifestInput!): UpdateArtifactManifestPayload
    createArtifactFiles(input: CreateArtifactFilesInput!): CreateArtifactFilesPayload
    commitArtifact(input: CommitArtifactInput!): CommitArtifactPayload
    useArtifact(input: UseArtifactInput!): UseArtifactPayload
    linkArtifact(input: LinkArtifactInput!): LinkArtifactPayload
  }

  extend type Project {
    artifact(name: String!): Artifact
    artifactType(name: String!): ArtifactType
    artifactTypes(
      after: String
      before: String
      first: Int
      last: Int
      includeAll: Boolean
    ): ArtifactTypeConnection!
    artifactCollection(name: String!): ArtifactCollection
    artifactCollections(
      after: String
      before: String
      first: Int
      last: Int
      order: String
      filters: JSONString
      collectionTypes: [ArtifactCollectionType!]
    ): ArtifactCollectionConnection
    artifactCollectionMembership(name: String!): ArtifactCollectionMembership
    allowAllArtifactTypesInRegistry: Boolean!
  }

  extend type Run {
    inputArtifacts(
      after: String
      before: String
      first: Int
      last: Int
      order: String
      filters: JSONString
    ): InputArtifactConnection
    outputArtifacts(
      after: String
      before: String
      first: Int
      last: Int
      order: String
      filters: JSONString
    ): ArtifactConnection
  }

  extend type Entity {
    organization: Organization
    artifactCollections(
      projectFilters: JSONString
      filters: JSONString
      collectionTypes: [ArtifactCollectionType!]
      after: String
      first: Int
      order: String
    ): ArtifactCollectionConnection
    artifactMemberships(
      projectFilters: JSONString
      collectionFilters: JSONString
      filters: JSONString
      after: String
      first: Int
      order: String
    ): ArtifactCollectionMembershipConnection
  }

  extend type File {
    uploadHeaders: [String!]!
    uploadMultipartUrls: UploadMultipartUrls
    artifact: Artifact
  }

  enum ArtifactState {
    PENDING
    COMMITTED
    DELETED
  }
  enum ArtifactCollectionType {
    SEQUENCE
    PORTFOLIO
  }
  enum ArtifactCollectionState {
    READY
    DELETED
  }
  enum ArtifactDigestAlgorithm {
    MANIFEST_MD5
  }
  enum ArtifactManifestType {
    FULL
    INCREMENTAL
    PATCH
  }
  enum ArtifactStorageLayout {
    V1
    V2
  }

  type Organization {
    id: ID!
    name: String!
    orgEntity: Entity
    available: Boolean!
    teams: [Entity!]!
    "CoreWeave account of the organization (wandb-core asks at every init); none here."
    coreWeaveOrganizationId: String
    "Organization feature ramps; none here."
    featureFlags(rampIDType: RampIDType): [FeatureFlag!]!
  }
  enum RampIDType {
    OrgName
  }
  type FeatureFlag {
    rampKey: String!
    isEnabled: Boolean!
  }

  type Tag {
    id: ID!
    name: String!
    tagCategoryName: String!
    attributes: JSONString
  }
  type TagEdge {
    node: Tag!
  }
  type TagConnection {
    edges: [TagEdge!]!
  }

  type ArtifactType {
    id: ID!
    name: String!
    description: String
    createdAt: DateTime!
    project: Project!
    artifact(name: String!): Artifact
    artifactCollection(name: String!): ArtifactCollection
    artifactSequence(name: String!): ArtifactSequence
    artifactCollections(
      after: String
      before: String
      first: Int
      last: Int
      order: String
      filters: JSONString
      collectionTypes: [ArtifactCollectionType!]
    ): ArtifactCollectionConnection
  }
  type ArtifactTypeEdge {
    node: ArtifactType
    cursor: String!
  }
  type ArtifactTypeConnection {
    edges: [ArtifactTypeEdge!]!
    pageInfo: PageInfo!
  }

  interface ArtifactCollection {
    id: ID!
    name: String!
    description: String
    createdAt: DateTime!
    updatedAt: DateTime
    state: ArtifactCollectionState!
    project: Project!
    defaultArtifactType: ArtifactType!
    tags: TagConnection!
    aliases(after: String, first: Int): ArtifactAliasConnection!
    artifactMembership(aliasName: String!): ArtifactCollectionMembership
    artifactMemberships(after: String, first: Int, order: String): ArtifactCollectionMembershipConnection!
    artifacts(
      after: String
      before: String
      first: Int
      last: Int
      order: String
      filters: JSONString
    ): VersionedArtifactConnection
  }
  type ArtifactSequence implements ArtifactCollection {
    id: ID!
    name: String!
    description: String
    createdAt: DateTime!
    updatedAt: DateTime
    state: ArtifactCollectionState!
    project: Project!
    defaultArtifactType: ArtifactType!
    tags: TagConnection!
    aliases(after: String, first: Int): ArtifactAliasConnection!
    artifactMembership(aliasName: String!): ArtifactCollectionMembership
    artifactMemberships(after: String, first: Int, order: String): ArtifactCollectionMembershipConnection!
    artifacts(
      after: String
      before: String
      first: Int
      last: Int
      order: String
      filters: JSONString
    ): VersionedArtifactConnection
    latestArtifact: Artifact
  }
  type ArtifactPortfolio implements ArtifactCollection {
    id: ID!
    name: String!
    description: String
    createdAt: DateTime!
    updatedAt: DateTime
    state: ArtifactCollectionState!
    project: Project!
    defaultArtifactType: ArtifactType!
    tags: TagConnection!
    aliases(after: String, first: Int): ArtifactAliasConnection!
    artifactMembership(aliasName: String!): ArtifactCollectionMembership
    artifactMemberships(after: String, first: Int, order: String): ArtifactCollectionMembershipConnection!
    artifacts(
      after: String
      before: String
      first: Int
      last: Int
      order: String
      filters: JSONString
    ): VersionedArtifactConnection
  }
  type ArtifactCollectionEdge {
    node: ArtifactCollection
    cursor: String!
  }
  type ArtifactCollectionConnection {
    edges: [ArtifactCollectionEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type ArtifactAlias {
    id: ID!
    alias: String!
    artifact: Artifact
    artifactCollection: ArtifactCollection
    artifactCollectionName: String!
  }
  type ArtifactAliasEdge {
    node: ArtifactAlias
    cursor: String!
  }
  type ArtifactAliasConnection {
    edges: [ArtifactAliasEdge!]!
    pageInfo: PageInfo!
  }

  type ArtifactCollectionMembership {
    id: ID!
    versionIndex: Int
    commitHash: String
    createdAt: DateTime!
    aliases: [ArtifactAlias!]!
    artifact: Artifact
    artifactCollection: ArtifactCollection
    files(names: [String!], after: String, first: Int): FileConnection!
  }
  type ArtifactCollectionMembershipEdge {
    node: ArtifactCollectionMembership
    cursor: String!
  }
  type ArtifactCollectionMembershipConnection {
    edges: [ArtifactCollectionMembershipEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Artifact {
    id: ID!
    digest: String!
    description: String
    metadata: JSONString
    state: ArtifactState!
    size: Int64!
    storageBytes: Int64!
    fileCount: Int64!
    commitHash(artifactCollectionName: String): String
    versionIndex(artifactCollectionName: String): Int
    historyStep: Int64
    ttlDurationSeconds: Int64!
    ttlIsInherited: Boolean!
    createdAt: DateTime!
    updatedAt: DateTime
    digestAlgorithm: ArtifactDigestAlgorithm!
    labels: JSONString
    tags: [Tag!]!
    aliases(artifactCollectionName: String): [ArtifactAlias!]!
    artifactType: ArtifactType!
    artifactSequence: ArtifactSequence!
    artifactMemberships(after: String, first: Int): ArtifactCollectionMembershipConnection!
    currentManifest: ArtifactManifest
    files(names: [String!], after: String, before: String, first: Int, last: Int): FileConnection!
    createdBy: Run
    usedBy(after: String, first: Int): RunConnection!
    usedCount: Int!
  }
  type ArtifactEdge {
    node: Artifact
    cursor: String!
  }
  type ArtifactConnection {
    edges: [ArtifactEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type VersionedArtifactEdge {
    node: Artifact!
    version: String!
    cursor: String!
  }
  type VersionedArtifactConnection {
    edges: [VersionedArtifactEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type InputArtifactEdge {
    node: Artifact
    usedAs: [String!]!
    cursor: String!
  }
  type InputArtifactConnection {
    edges: [InputArtifactEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type ArtifactManifest {
    id: ID!
    digest: String!
    type: ArtifactManifestType!
    createdAt: DateTime!
    file: File!
    artifact: Artifact!
  }

  type UploadUrlPart {
    partNumber: Int64!
    uploadUrl: String!
  }
  type UploadMultipartUrls {
    uploadID: String!
    uploadUrlParts: [UploadUrlPart!]!
  }

  input ArtifactAliasInput {
    artifactCollectionName: String!
    alias: String!
  }
  input TagInput {
    tagCategoryName: String
    tagName: String!
    attributes: JSONString
  }
  input CreateArtifactInput {
    clientMutationId: String
    artifactTypeName: String!
    artifactCollectionName: String
    artifactCollectionNames: [String!]
    entityName: String!
    projectName: String!
    runName: String
    description: String
    digest: String!
    digestAlgorithm: ArtifactDigestAlgorithm!
    labels: JSONString
    aliases: [ArtifactAliasInput!]
    tags: [TagInput!]
    metadata: JSONString
    ttlDurationSeconds: Int64
    historyStep: Int64
    enableDigestDeduplication: Boolean
    distributedID: String
    clientID: ID
    sequenceClientID: ID
    storageRegion: String
  }
  type CreateArtifactPayload {
    clientMutationId: String
    artifact: Artifact!
  }

  input CreateArtifactManifestInput {
    clientMutationId: String
    artifactID: ID!
    baseArtifactID: ID
    name: String!
    digest: String!
    entityName: String!
    projectName: String!
    runName: String!
    type: ArtifactManifestType = FULL
    includeUpload: Boolean
  }
  type CreateArtifactManifestPayload {
    clientMutationId: String
    artifactManifest: ArtifactManifest!
  }
  input UpdateArtifactManifestInput {
    clientMutationId: String
    artifactManifestID: ID!
    digest: String
    baseArtifactID: ID
  }
  type UpdateArtifactManifestPayload {
    clientMutationId: String
    artifactManifest: ArtifactManifest!
  }

  input UploadPartsInput {
    partNumber: Int64!
    hexMD5: String!
  }
  input CreateArtifactFileSpecInput {
    artifactID: ID!
    artifactManifestID: ID
    name: String!
    md5: String!
    mimetype: String
    uploadPartsInput: [UploadPartsInput!]
  }
  input CreateArtifactFilesInput {
    clientMutationId: String
    artifactFiles: [CreateArtifactFileSpecInput!]!
    storageLayout: ArtifactStorageLayout = V2
    cloudRegionID: ID
  }
  type CreateArtifactFilesPayload {
    clientMutationId: String
    files: FileConnection!
  }

  input CommitArtifactInput {
    clientMutationId: String
    artifactID: ID!
  }
  type CommitArtifactPayload {
    clientMutationId: String
    artifact: Artifact!
  }

  input UseArtifactInput {
    clientMutationId: String
    entityName: String!
    projectName: String!
    runName: String!
    artifactID: ID!
    usedAs: String
    artifactEntityName: String
    artifactProjectName: String
  }
  type UseArtifactPayload {
    clientMutationId: String
    artifact: Artifact!
    run: Run
  }

  input LinkArtifactInput {
    clientMutationId: String
    artifactID: ID
    clientID: ID
    artifactPortfolioID: ID
    artifactPortfolioName: String
    entityName: String
    projectName: String
    aliases: [ArtifactAliasInput!]
  }
  type LinkArtifactPayload {
    clientMutationId: String
    artifactCollectionID: ID!
    artifactID: ID!
    createdAt: DateTime!
    versionIndex: Int
    aliases: [ArtifactAlias!]!
    artifactMembership: ArtifactCollectionMembership
  }
`
