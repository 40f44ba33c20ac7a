/**
 * Saved views (reports): W&B's `View` type, `Project.allViews` (what `api.reports()` reads,
 * PROTOCOL §8) and the `upsertView` / `deleteView` mutations the app uses to save reports,
 * here also the documented way to seed reports for tests and demos:
 *
 * ```graphql
 * mutation { upsertView(input: {entityName: "local", projectName: "mnist", name: "baseline-study",
 *   displayName: "Baseline Study", type: "runs", spec: "{\"panelGroups\": []}"}) { view { id } inserted } }
 * ```
 */
export const VIEWS_SDL = /* GraphQL */ `
  type View {
    id: ID!
    name: String!
    displayName: String
    type: String!
    description: String
    spec: JSONString
    user: User
    project: Project
    entityName: String!
    projectName: String!
    createdAt: DateTime!
    updatedAt: DateTime
  }
  type ViewEdge {
    node: View!
    cursor: String!
  }
  type ViewConnection {
    edges: [ViewEdge!]!
    pageInfo: PageInfo!
  }

  extend type Project {
    """
    Views of the project; viewName matches a view's name or its title.
    """
    allViews(viewType: String, viewName: String, first: Int, after: String): ViewConnection!
  }

  extend type Query {
    view(id: ID!): View
  }

  input UpsertViewInput {
    clientMutationId: String
    id: ID
    entityName: String
    projectName: String
    name: String
    displayName: String
    description: String
    type: String
    spec: JSONString
  }
  type UpsertViewPayload {
    clientMutationId: String
    view: View
    inserted: Boolean
  }
  input DeleteViewInput {
    clientMutationId: String
    id: ID!
  }
  type DeleteViewPayload {
    clientMutationId: String
    success: Boolean!
  }

  extend type Mutation {
    upsertView(input: UpsertViewInput!): UpsertViewPayload
    deleteView(input: DeleteViewInput!): DeleteViewPayload
  }
`
