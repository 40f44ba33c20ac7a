import type { ResolvedRun } from './resolved-run.js'
import type { StepWindow } from './step-windows.js'

/** A batched GraphQL request: one document, its variables. @internal */
export interface BatchedQuery {
  readonly query: string
  readonly variables: Readonly<Record<string, unknown>>
}

const runVars = (i: number) => `$e${i}: String!, $p${i}: String!, $n${i}: String!`
const inRun = (alias: string, i: number, fields: string) =>
  `${alias}${i}: project(name: $p${i}, entityName: $e${i}) { run(name: $n${i}) { ${fields} } }`
const runValues = (run: ResolvedRun, i: number) => ({
  [`e${i}`]: run.entity,
  [`p${i}`]: run.project,
  [`n${i}`]: run.id,
})

/**
 * One request reading state, heartbeat, summary and `historyKeys` of every run, with aliases
 * `r0`, `r1`, …, so watching 100 runs costs one request per poll, not 100.
 *
 * @example
 * ```ts
 * watchStatusQuery([a, b]).query
 * // query WatchRuns($e0: String!, …) { r0: project(name: $p0, entityName: $e0) { run(name: $n0) { state … } } r1: … }
 * ```
 */
export function watchStatusQuery(runs: readonly ResolvedRun[]): BatchedQuery {
  const fields = 'state heartbeatAt summaryMetrics historyKeys'
  return {
    query: `query WatchRuns(${runs.map((_, i) => runVars(i)).join(', ')}) {\n${runs.map((_, i) => inRun('r', i, fields)).join('\n')}\n}`,
    variables: Object.assign({}, ...runs.map(runValues)),
  }
}

/**
 * One request reading a step window of each run (`h0`, `h1`, …): `history(minStep, maxStep)`
 * without keys, or a `sampledHistory` spec (inclusive `maxStep`, hence `- 1`) with keys;
 * `samples` is the window width, so nothing is sampled away (PROTOCOL.md §5).
 *
 * @example
 * ```ts
 * watchRowsQuery([{ run, window: { minStep: 10, maxStep: 20 } }], undefined).query
 * // … h0: project(…) { run(name: $n0) { history(minStep: $min0, maxStep: $max0, samples: $s0) } }
 * ```
 */
export function watchRowsQuery(
  windows: readonly { readonly run: ResolvedRun; readonly window: StepWindow }[],
  keys: readonly string[] | undefined,
): BatchedQuery {
  const sampled = keys !== undefined && keys.length > 0
  const declare = (i: number) =>
    `${runVars(i)}, ${sampled ? `$spec${i}: [JSONString!]!` : `$min${i}: Int64, $max${i}: Int64, $s${i}: Int`}`
  const field = (i: number) =>
    sampled
      ? `sampledHistory(specs: $spec${i})`
      : `history(minStep: $min${i}, maxStep: $max${i}, samples: $s${i})`
  const values = windows.map(({ run, window: { minStep, maxStep } }, i) => {
    const samples = maxStep - minStep
    const spec = JSON.stringify({ keys: [...(keys ?? []), '_step'], minStep, maxStep: maxStep - 1, samples })
    const window = sampled
      ? { [`spec${i}`]: [spec] }
      : { [`min${i}`]: minStep, [`max${i}`]: maxStep, [`s${i}`]: samples }
    return { ...runValues(run, i), ...window }
  })
  return {
    query: `query WatchRows(${windows.map((_, i) => declare(i)).join(', ')}) {\n${windows.map((_, i) => inRun('h', i, field(i))).join('\n')}\n}`,
    variables: Object.assign({}, ...values),
  }
}
