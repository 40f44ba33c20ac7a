/**
 * Schema extension for users, teams and API keys: user search (admins only), team members,
 * invites, service accounts and key management. Names follow W&B's schema
 * (`@wandb/sdk/dist/gql/graphql.d.ts`, `tools/graphql_codegen/api/{users,teams}.graphql`).
 */
export const TEAMS_SDL = /* GraphQL */ `
  extend type Query {
    user(id: ID, userName: String): User
    users(query: String, usernames: [String!], ids: [ID!], first: Int, after: String): UserConnection
  }

  extend type Mutation {
    generateApiKey(input: GenerateApiKeyInput!): GenerateApiKeyPayload
    deleteApiKey(input: DeleteApiKeyInput!): DeleteApiKeyPayload
    createTeam(input: CreateTeamInput!): CreateTeamPayload
    createInvite(input: CreateInviteInput!): CreateInvitePayload
    deleteInvite(input: DeleteInviteInput!): DeleteInvitePayload
    createServiceAccount(input: CreateServiceAccountInput!): CreateServiceAccountPayload
  }

  extend type User {
    accountType: String
    organizations: [Organization!]!
  }

  extend type Entity {
    entityType: String!
    members: [Member!]!
    pendingInvites: [Invite!]!
    readOnlyAdmin: Boolean!
    storageBytes: Int64!
    codeSavingEnabled: Boolean!
    isPaid: Boolean
    user: User
  }

  type UserEdge {
    node: User
    cursor: String!
  }
  type UserConnection {
    edges: [UserEdge!]!
    pageInfo: PageInfo!
  }

  type Member {
    id: String
    admin: Boolean
    role: String
    pending: Boolean
    email: String
    username: String
    name: String!
    photoUrl: String
    accountType: String
    apiKey: String
  }

  type Invite {
    id: ID!
    name: String!
    email: String
    accepted: Boolean
    createdAt: DateTime
    entity: Entity
    fromUser: User
    toUser: User
  }

  input GenerateApiKeyInput {
    clientMutationId: String
    description: String
  }
  type GenerateApiKeyPayload {
    clientMutationId: String
    apiKey: ApiKey
  }

  input DeleteApiKeyInput {
    clientMutationId: String
    id: String
  }
  type DeleteApiKeyPayload {
    clientMutationId: String
    success: Boolean
  }

  input CreateTeamInput {
    clientMutationId: String
    teamName: String!
    teamAdminUserName: String
    organizationId: String
    defaultAccess: String
  }
  type CreateTeamPayload {
    clientMutationId: String
    entity: Entity
  }

  input CreateInviteInput {
    clientMutationId: String
    entityName: String
    email: String
    username: String
    admin: Boolean
    role: String
    accountType: String
    addSeat: Boolean
  }
  type CreateInvitePayload {
    clientMutationId: String
    success: Boolean!
    invite: Invite
    entity: Entity
  }

  input DeleteInviteInput {
    clientMutationId: String
    id: String
    entityName: String
  }
  type DeleteInvitePayload {
    clientMutationId: String
    success: Boolean
  }

  input CreateServiceAccountInput {
    clientMutationId: String
    description: String
    entityName: String
  }
  type CreateServiceAccountPayload {
    clientMutationId: String
    user: User
  }
`
