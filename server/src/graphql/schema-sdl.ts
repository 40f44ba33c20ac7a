import { ARTIFACT_EDITS_SDL } from './artifact-edits-sdl.js'
import { ARTIFACTS_SDL } from './artifacts-sdl.js'
import { PARQUET_HISTORY_SDL } from './parquet-history-sdl.js'
import { TEAMS_SDL } from './teams-sdl.js'
import { VIEWS_SDL } from './views-sdl.js'

/**
 * The served GraphQL schema: a subset of W&B's (type, field and argument names follow the
 * generated types in `@wandb/sdk/dist/gql/graphql.d.ts`), plus the few newer fields that
 * PROTOCOL.md documents (`updateRunState`, `createRunFiles`, `serverInfo.features`, ...).
 */
export const SCHEMA_SDL = /* GraphQL */ `
  scalar JSON
  scalar JSONString
  scalar DateTime
  scalar Int64

  type Query {
    viewer: User
    serverInfo: ServerInfo
    project(name: String, entityName: String): Project
    model(name: String, entityName: String): Project
    models(entityName: String, first: Int, after: String, before: String, last: Int): ProjectConnection
    projects(entityName: String, first: Int, after: String, order: String): ProjectConnection
    entity(name: String): Entity
  }

  type Mutation {
    upsertBucket(input: UpsertBucketInput!): UpsertBucketPayload
    upsertModel(input: UpsertModelInput!): UpsertModelPayload
    upsertSweep(input: UpsertSweepInput!): UpsertSweepPayload
    updateRunState(input: UpdateRunStateInput!): UpdateRunStatePayload
    stopRun(input: StopRunInput!): StopRunPayload
    deleteRun(input: DeleteRunInput!): DeleteRunPayload
    createRunFiles(input: CreateRunFilesInput!): CreateRunFilesPayload
    deleteFiles(input: DeleteFilesInput!): DeleteFilesPayload
    markRunFilesUploaded(input: MarkRunFilesUploadedInput!): MarkRunFilesUploadedPayload
  }

  type PageInfo {
    startCursor: String
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
  }

  type ServerFeature {
    name: String!
    description: String!
    isEnabled: Boolean!
  }

  type LocalVersionInfo {
    outOfDate: Boolean!
    latestVersionString: String!
    versionOnThisInstanceString: String!
  }

  type ServerInfo {
    cliVersionInfo: JSON!
    latestLocalVersionInfo: LocalVersionInfo
    features: [ServerFeature!]!
    frontendHost: String!
    pollingOK: Boolean!
  }

  type ApiKey {
    id: ID!
    name: String!
    description: String
  }
  type ApiKeyEdge {
    node: ApiKey
  }
  type ApiKeyConnection {
    edges: [ApiKeyEdge!]!
  }

  type User {
    id: ID!
    name: String!
    username: String
    email: String
    admin: Boolean
    entity: String
    flags: JSONString
    photoUrl: String
    deletedAt: DateTime
    createdAt: DateTime!
    defaultEntity: Entity
    teams(first: Int): EntityConnection
    apiKeys: ApiKeyConnection
  }

  type Entity {
    id: ID!
    name: String!
    isTeam: Boolean!
    available: Boolean
    photoUrl: String
    readOnly: Boolean
    privateOnly: Boolean!
    defaultAccess: String!
    createdAt: DateTime!
    projects(first: Int, after: String, filters: JSONString, order: String): ProjectConnection
  }
  type EntityEdge {
    node: Entity
    cursor: String!
  }
  type EntityConnection {
    edges: [EntityEdge!]!
    pageInfo: PageInfo!
  }

  type Project {
    id: ID!
    internalId: ID!
    name: String!
    entityName: String!
    entity: Entity!
    description: String
    access: String
    readOnly: Boolean
    isBenchmark: Boolean!
    createdAt: DateTime!
    updatedAt: DateTime
    user: User
    runCount(filters: JSONString): Int!
    totalRuns: Int
    runs(filters: JSONString, order: String, first: Int, after: String): RunConnection
    run(name: String!): Run
    bucket(name: String!, missingOk: Boolean): Run
    sweep(sweepName: String!): Sweep
    sweeps(first: Int, after: String, filters: JSONString): SweepConnection
    totalSweeps: Int!
    "Legacy workspace views blob; upsertModel accepts views but they are not kept, so null."
    views: JSONString
  }
  type ProjectEdge {
    node: Project
    cursor: String!
  }
  type ProjectConnection {
    edges: [ProjectEdge!]!
    pageInfo: PageInfo!
  }

  type Run {
    id: ID!
    name: String!
    displayName: String
    state: String
    config(keys: [String!]): JSONString
    summaryMetrics(keys: [String!], packVersion: Int): JSONString
    systemMetrics: JSONString
    wandbConfig(keys: [String!]): JSONString
    historyKeys: JSON
    historyLineCount: Int
    eventsLineCount: Int
    logLineCount: Int
    historyTail: JSONString
    eventsTail: JSONString
    tags: [String!]
    group: String
    jobType: String
    sweepName: String
    sweep: Sweep
    commit: String
    description: String
    notes: String
    host: String
    readOnly: Boolean
    createdAt: DateTime!
    updatedAt: DateTime
    heartbeatAt: DateTime
    projectId: ID!
    project: Project
    user: User
    stopped: Boolean
    shouldStop: Boolean
    running: Boolean
    failed: Boolean
    exitcode: Float
    fileCount: Int
    history(samples: Int, minStep: Int64, maxStep: Int64): [String!]!
    sampledHistory(specs: [JSONString!]!, packVersion: Int): [JSON]!
    events(samples: Int): [String!]!
    files(names: [String], pattern: String, first: Int, after: String): FileConnection
    logLines(first: Int, after: String, last: Int, useImprovedPagination: Boolean): LogLineConnection
  }
  type RunEdge {
    node: Run!
    cursor: String!
  }
  type RunConnection {
    edges: [RunEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type File {
    id: ID!
    name: String!
    displayName: String!
    url(upload: Boolean): String
    directUrl: String!
    uploadUrl: String
    sizeBytes: Int64!
    mimetype: String
    md5: String
    digest: String
    storagePath: String
    exists: Boolean!
    isReference: Boolean!
    createdAt: DateTime
    updatedAt: DateTime
  }
  type FileEdge {
    node: File
    cursor: String!
  }
  type FileConnection {
    edges: [FileEdge!]!
    pageInfo: PageInfo!
    uploadHeaders: [String!]!
  }

  type LogLine {
    id: String
    number: Int
    timestamp: String
    level: String
    label: String
    line: String
  }
  type LogLineEdge {
    node: LogLine!
    cursor: String!
  }
  type LogLineConnection {
    edges: [LogLineEdge!]!
    pageInfo: PageInfo!
  }

  type Sweep {
    id: ID!
    name: String!
    displayName: String
    method: String!
    state: String!
    description: String
    bestLoss: Float
    config: String!
    createdAt: DateTime!
    updatedAt: DateTime
    heartbeatAt: DateTime!
    runCount: Int!
    runCountExpected: Int
    project: Project
    user: User
    runs(filters: JSONString, order: String, first: Int, after: String): RunConnection!
  }
  type SweepEdge {
    node: Sweep
    cursor: String!
  }
  type SweepConnection {
    edges: [SweepEdge!]!
    pageInfo: PageInfo!
  }

  input UpsertBucketInput {
    clientMutationId: String
    id: String
    name: String
    modelName: String
    entityName: String
    groupName: String
    description: String
    displayName: String
    notes: String
    commit: String
    config: JSONString
    host: String
    debug: Boolean
    jobProgram: String
    jobRepo: String
    jobType: String
    state: String
    sweep: String
    tags: [String]
    summaryMetrics: JSONString
    framework: String
    runQueueItemId: ID
  }
  type UpsertBucketPayload {
    clientMutationId: String
    bucket: Run
    inserted: Boolean
    updateAvailable: Boolean
  }

  input UpsertModelInput {
    clientMutationId: String
    id: String
    name: String
    entityName: String
    description: String
    access: String
    framework: String
    repo: String
    dockerImage: String
    views: JSONString
    isBenchmark: Boolean
    isPublished: Boolean
    linkedBenchmark: ID
  }
  type UpsertModelPayload {
    clientMutationId: String
    project: Project
    model: Project
    inserted: Boolean
    entityName: String
  }

  input UpsertSweepInput {
    clientMutationId: String
    id: ID
    name: String
    entityName: String
    projectName: String
    config: String
    description: String
    displayName: String
    state: String
    controller: JSONString
    scheduler: JSONString
    launchScheduler: JSONString
    priorRunsFilters: JSONString
    templateVariableValues: JSONString
  }
  type UpsertSweepPayload {
    clientMutationId: String
    sweep: Sweep
    inserted: Boolean
    configValidationWarnings: [String!]!
    insertedPriorRuns: Int
  }

  input UpdateRunStateInput {
    clientMutationId: String
    id: ID!
    state: String!
  }
  type UpdateRunStatePayload {
    clientMutationId: String
    success: Boolean!
  }

  input StopRunInput {
    clientMutationId: String
    id: ID!
  }
  type StopRunPayload {
    clientMutationId: String
    success: Boolean!
  }

  input DeleteRunInput {
    clientMutationId: String
    id: ID!
    deleteArtifacts: Boolean
  }
  type DeleteRunPayload {
    clientMutationId: String
  }

  input CreateRunFilesInput {
    clientMutationId: String
    entityName: String!
    projectName: String!
    runName: String!
    files: [String!]!
  }
  type RunFileUploadUrl {
    name: String!
    uploadUrl: String
  }
  type CreateRunFilesPayload {
    clientMutationId: String
    runID: ID!
    uploadHeaders: [String!]!
    files: [RunFileUploadUrl!]!
  }

  input DeleteFilesInput {
    clientMutationId: String
    files: [ID!]!
    projectId: Int
  }
  type DeleteFilesPayload {
    clientMutationId: String
    success: Boolean!
  }

  input MarkRunFilesUploadedInput {
    clientMutationId: String
    entityName: String!
    projectName: String!
    runName: String!
    files: [String!]!
  }
  type MarkRunFilesUploadedPayload {
    clientMutationId: String
    success: Boolean!
  }
  ${ARTIFACTS_SDL}
  ${ARTIFACT_EDITS_SDL}
  ${TEAMS_SDL}
  ${VIEWS_SDL}
  ${PARQUET_HISTORY_SDL}
`
