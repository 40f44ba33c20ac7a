/**
 * The GraphQL run selections of the W&B Python SDK (PROTOCOL.md §3): the light one for listings
 * with `.lazy()`, the full one (adds config, summary, system metrics and history keys) otherwise.
 */
export const LIGHT_RUN_FIELDS =
  'id name displayName sweepName state group jobType commit readOnly createdAt heartbeatAt description notes historyLineCount tags user { name username }'

export const FULL_RUN_FIELDS = `${LIGHT_RUN_FIELDS} config systemMetrics summaryMetrics historyKeys`

export const LIGHT_RUN_FRAGMENT = `fragment LightRunFields on Run { ${LIGHT_RUN_FIELDS} }`
export const FULL_RUN_FRAGMENT = `fragment RunFields on Run { ${FULL_RUN_FIELDS} }`

/** `api.run(path).get()`: one run with the full fragment; a missing run is `run: null`. */
export const RUN_QUERY = `query Run($project: String!, $entity: String!, $name: String!) {
  project(name: $project, entityName: $entity) { run(name: $name) { projectId ...RunFields } }
}
${FULL_RUN_FRAGMENT}`
