/**
 * Editing logged artifacts: what `Artifact.save()` / `.delete()` / `.unlink()` and
 * `ArtifactCollection.save()` of the Python client (wandb 0.30) send. Names follow W&B's schema
 * (`wandb/sdk/artifacts/_generated`).
 */
export const ARTIFACT_EDITS_SDL = /* GraphQL */ `
  input UpdateArtifactInput {
    clientMutationId: String
    artifactID: ID!
    description: String
    metadata: JSONString
    labels: JSONString
    ttlDurationSeconds: Int64
    "Sets the artifact's aliases in each named collection to exactly these."
    aliases: [ArtifactAliasInput!]
    tagsToAdd: [TagInput!]
    tagsToDelete: [TagInput!]
  }
  type UpdateArtifactPayload {
    clientMutationId: String
    artifact: Artifact!
  }
  input ArtifactCollectionAliasInput {
    alias: String!
    artifactCollectionName: String!
    entityName: String!
    projectName: String!
  }
  input AddAliasesInput {
    clientMutationId: String
    artifactID: ID!
    aliases: [ArtifactCollectionAliasInput!]!
  }
  type AddAliasesPayload {
    clientMutationId: String
    success: Boolean!
  }
  input DeleteAliasesInput {
    clientMutationId: String
    artifactID: ID!
    aliases: [ArtifactCollectionAliasInput!]!
  }
  type DeleteAliasesPayload {
    clientMutationId: String
    success: Boolean!
  }
  input DeleteArtifactInput {
    clientMutationId: String
    artifactID: ID!
    deleteAliases: Boolean
  }
  type DeleteArtifactPayload {
    clientMutationId: String
    artifact: Artifact!
  }
  input UnlinkArtifactInput {
    clientMutationId: String
    artifactID: ID!
    artifactPortfolioID: ID!
  }
  type UnlinkArtifactPayload {
    clientMutationId: String
    artifactID: ID!
    success: Boolean!
  }
  input UpdateArtifactSequenceInput {
    clientMutationId: String
    artifactSequenceID: ID!
    name: String
    description: String
  }
  type UpdateArtifactSequencePayload {
    clientMutationId: String
    artifactCollection: ArtifactCollection
  }
  input UpdateArtifactPortfolioInput {
    clientMutationId: String
    artifactPortfolioID: ID!
    name: String
    description: String
  }
  type UpdateArtifactPortfolioPayload {
    clientMutationId: String
    artifactCollection: ArtifactCollection
  }
  input CreateArtifactCollectionTagAssignmentsInput {
    clientMutationID: String
    entityName: String!
    projectName: String!
    artifactCollectionName: String!
    tags: [TagInput!]!
  }
  type CreateArtifactCollectionTagAssignmentsPayload {
    clientMutationID: String
    tags: [Tag!]!
  }
  input DeleteArtifactCollectionTagAssignmentsInput {
    clientMutationID: String
    entityName: String!
    projectName: String!
    artifactCollectionName: String!
    tags: [TagInput!]!
  }
  type DeleteArtifactCollectionTagAssignmentsPayload {
    clientMutationID: String
    success: Boolean!
  }

  extend type Mutation {
    updateArtifact(input: UpdateArtifactInput!): UpdateArtifactPayload
    addAliases(input: AddAliasesInput!): AddAliasesPayload
    deleteAliases(input: DeleteAliasesInput!): DeleteAliasesPayload
    deleteArtifact(input: DeleteArtifactInput!): DeleteArtifactPayload
    unlinkArtifact(input: UnlinkArtifactInput!): UnlinkArtifactPayload
    updateArtifactSequence(input: UpdateArtifactSequenceInput!): UpdateArtifactSequencePayload
    updateArtifactPortfolio(input: UpdateArtifactPortfolioInput!): UpdateArtifactPortfolioPayload
    createArtifactCollectionTagAssignments(
      input: CreateArtifactCollectionTagAssignmentsInput!
    ): CreateArtifactCollectionTagAssignmentsPayload
    deleteArtifactCollectionTagAssignments(
      input: DeleteArtifactCollectionTagAssignmentsInput!
    ): DeleteArtifactCollectionTagAssignmentsPayload
  }
`
