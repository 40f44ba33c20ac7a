import { parseExtendedJson, startServer, type RunningServer, type ServerOptions } from '../src/index.js'

export const basic = (key: string): string => `Basic ${Buffer.from(`api:${key}`).toString('base64')}`

export interface GqlResult<T = any> {
  status: number
  data: T
  errors?: { message: string; extensions?: { code?: string } }[]
}

/** POSTs a GraphQL request; the body is parsed NaN-tolerantly (the server may emit bare NaN). */
export async function gql<T = any>(
  srv: { url: string; apiKey: string },
  query: string,
  variables: Record<string, unknown> = {},
  key: string = srv.apiKey,
): Promise<GqlResult<T>> {
  const res = await fetch(`${srv.url}/graphql`, {
    method: 'POST',
    headers: { authorization: basic(key), 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  const body = parseExtendedJson(await res.text()) as { data: T; errors?: GqlResult['errors'] }
  return { status: res.status, data: body.data, ...(body.errors ? { errors: body.errors } : {}) }
}

/** Like `gql` but fails the test on any error. */
export async function gqlOk<T = any>(
  srv: { url: string; apiKey: string },
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<T> {
  const result = await gql<T>(srv, query, variables, key)
  if (result.status !== 200 || result.errors) {
    throw new Error(`GraphQL failed (${result.status}): ${JSON.stringify(result.errors)}`)
  }
  return result.data
}

export async function fileStream(
  srv: { url: string; apiKey: string },
  path: string,
  body: unknown,
  key: string = srv.apiKey,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${srv.url}/files/${path}/file_stream`, {
    method: 'POST',
    headers: { authorization: basic(key), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

export const UPSERT = `mutation UpsertBucket($id: String, $name: String, $project: String, $entity: String,
  $config: JSONString, $summaryMetrics: JSONString, $tags: [String!], $groupName: String, $jobType: String,
  $displayName: String, $state: String, $sweep: String, $notes: String) {
  upsertBucket(input: {id: $id, name: $name, modelName: $project, entityName: $entity, config: $config,
    summaryMetrics: $summaryMetrics, tags: $tags, groupName: $groupName, jobType: $jobType,
    displayName: $displayName, state: $state, sweep: $sweep, notes: $notes}) {
    bucket { id name displayName state config summaryMetrics tags group jobType sweepName notes
      project { id name entity { id name } } }
    inserted
  }
}`

export async function upsertRun(
  srv: { url: string; apiKey: string },
  vars: Record<string, unknown>,
  key?: string,
): Promise<{ id: string; name: string; [k: string]: any }> {
  const data = await gqlOk(srv, UPSERT, vars, key)
  return data.upsertBucket.bucket
}

export const RUN_FRAGMENT = `fragment RunFragment on Run { id tags name displayName sweepName state group jobType
  commit readOnly createdAt heartbeatAt description notes historyLineCount user { name username }
  config systemMetrics summaryMetrics historyKeys }`

/** Starts an in-memory server for one test file. */
export async function withServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, ...options })
}
