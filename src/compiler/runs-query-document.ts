import { FULL_RUN_FRAGMENT, LIGHT_RUN_FRAGMENT } from './run-fragments.js'

const runsDocument = (
  fragmentName: string,
  fragment: string,
): string => `query Runs($project: String!, $entity: String!, $cursor: String, $perPage: Int, $order: String, $filters: JSONString) {
  project(name: $project, entityName: $entity) {
    internalId
    runCount(filters: $filters)
    runs(filters: $filters, after: $cursor, first: $perPage, order: $order) {
      edges { node { projectId ...${fragmentName} } cursor }
      pageInfo { endCursor hasNextPage }
    }
  }
}
${fragment}`

/**
 * The runs listing document of the Python SDK (PROTOCOL.md §3), with the light fragment for
 * `.lazy()` queries and the full one otherwise.
 *
 * @example
 * ```ts
 * runsQueryDocument(true) // 'query Runs(…) { … edges { node { projectId ...LightRunFields } cursor } … }\nfragment LightRunFields on Run { … }'
 * ```
 */
export const runsQueryDocument = (lazy: boolean): string => (lazy ? LIGHT_RUNS_DOCUMENT : FULL_RUNS_DOCUMENT)

const LIGHT_RUNS_DOCUMENT = runsDocument('LightRunFields', LIGHT_RUN_FRAGMENT)
const FULL_RUNS_DOCUMENT = runsDocument('RunFields', FULL_RUN_FRAGMENT)

/** `count()`: the server-side count of the pushed-down filter only (exact when there is no residual). *
 * @internal
 */
export const RUN_COUNT_DOCUMENT = `query RunCount($project: String!, $entity: String!, $filters: JSONString) {
  project(name: $project, entityName: $entity) { runCount(filters: $filters) }
}`
