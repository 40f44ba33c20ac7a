/**
 * The GraphQL documents of history reads (PROTOCOL.md §5), as the Python SDK and wandb-core send
 * them. `history`'s `maxStep` is exclusive; a `sampledHistory` spec's `maxStep` is inclusive.
 *
 * @internal
 */
const RUN_VARS = '$entity: String!, $project: String!, $name: String!'
const inRun = (fields: string) =>
  `project(name: $project, entityName: $entity) { run(name: $name) { ${fields} } }`

/** `history(samples, minStep, maxStep)`: rows as JSON strings, sampled when more than `samples`. */
export const HISTORY_QUERY = `query RunHistory(${RUN_VARS}, $samples: Int, $minStep: Int64, $maxStep: Int64) {
  ${inRun('history(samples: $samples, minStep: $minStep, maxStep: $maxStep)')}
}`

/** `sampledHistory(specs)`: one list of row objects per spec; only rows holding all spec keys. */
export const SAMPLED_HISTORY_QUERY = `query RunSampledHistory(${RUN_VARS}, $specs: [JSONString!]!) {
  ${inRun('sampledHistory(specs: $specs)')}
}`

/** `events(samples)`: system metrics rows as JSON strings. */
export const EVENTS_QUERY = `query RunEvents(${RUN_VARS}, $samples: Int) {
  ${inRun('events(samples: $samples)')}
}`

/** `historyKeys`: `{ lastStep, keys }`, the bound of a full scan. */
export const HISTORY_KEYS_QUERY = `query RunHistoryKeys(${RUN_VARS}) {
  ${inRun('historyKeys')}
}`
