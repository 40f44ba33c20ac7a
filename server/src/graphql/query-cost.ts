import {
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'

/** Bounds on one GraphQL operation, checked before it runs (the server is single-threaded). */
export interface CostLimits {
  /** Field resolutions the operation may ask for, lists multiplied out. */
  readonly maxNodes: number
  /** Nesting depth of selections. */
  readonly maxDepth: number
}

/**
 * 100k is about a second of resolver work here (nested pages of runs stop at about 55 × 55).
 * A page of 1000 runs with every field wandb-rx selects costs 40k; the costliest document of
 * wandb 0.30 (Python and wandb-core) is GetProjects at 21k; the deepest (artifact fragments)
 * nest 11 levels.
 */
export const DEFAULT_COST_LIMITS: CostLimits = { maxNodes: 100_000, maxDepth: 24 }

/**
 * Page sizes of lists asked for without `first`/`last`: the server's default page for the big
 * listings, and a small list (a user's teams, an artifact's aliases) for any other connection.
 */
const DEFAULT_PAGES: Readonly<Record<string, number>> = {
  runs: 50,
  models: 50,
  projects: 50,
  sweeps: 50,
  files: 50,
  logLines: 1000,
}
const SMALL_LIST = 10
/** `history`/`events`/`sampledHistory` without `samples` return up to 500 rows per list. */
const DEFAULT_SAMPLES = 500
/**
 * Each element of a page is a row read and a node built: measured here at about ten resolved
 * fields (a page of 1000 runs with 29 fields each: 0.4 s; 180 pages of 180 runs: 3.4 s).
 */
const ELEMENT_WEIGHT = 10
/**
 * A page of runs is a query (filter, sort, count) over the project: ~20 ms for 1000 runs.
 * Other lists are keyed lookups.
 */
const PAGE_WEIGHTS: Readonly<Record<string, number>> = { runs: 1000 }
const PAGE_WEIGHT = 50
/** A history row is a stored string handed through, far cheaper than a resolved field. */
const ROW_WEIGHT = 0.02
const ROW_FIELDS = new Set(['history', 'events'])

export interface QueryCost {
  readonly nodes: number
  readonly depth: number
}

/**
 * Estimates what an operation asks for: every field counts once per instance of its parent,
 * a field with `first`/`last` (or a connection without them) multiplies what it selects by
 * that page size and adds a weight per page ({@link PAGE_WEIGHTS}) and per element, and history-like leaves count
 * their `samples` rows at {@link ROW_WEIGHT}.
 * Directives are ignored (an upper bound). Returns as soon as `limits` are exceeded.
 *
 * @example queryCost(parse('{ project(name: "p") { runs(first: 10) { edges { node { name } } } } }'), op, {})
 * // { nodes: 1132, depth: 5 }: project, runs (a page: 1000), 10 elements × (10 + edges, node, name)
 */
export function queryCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: CostLimits = DEFAULT_COST_LIMITS,
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def)
  }
  // Variables the request leaves out take their declared defaults (`$perPage: Int = 50`).
  const values: Record<string, unknown> = { ...variables }
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value
    if (values[name] === undefined && def.defaultValue) values[name] = valueFromASTUntyped(def.defaultValue)
  }
  let nodes = 0
  let depth = 0
  const value = (node: ValueNode | undefined): unknown =>
    node === undefined ? undefined : valueFromASTUntyped(node, values)

  const walk = (set: SelectionSetNode, multiplier: number, level: number): void => {
    depth = Math.max(depth, level)
    for (const selection of set.selections) {
      if (nodes > limits.maxNodes || depth > limits.maxDepth) return
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier, level)
        continue
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value)
        if (fragment) walk(fragment.selectionSet, multiplier, level)
        continue
      }
      const args = new Map((selection.arguments ?? []).map((a) => [a.name.value, value(a.value)]))
      nodes += multiplier
      if (!selection.selectionSet) {
        nodes += multiplier * rowsOf(selection.name.value, args) * ROW_WEIGHT
        continue
      }
      const field = selection.name.value
      const page = pageOf(field, args, selection.selectionSet)
      if (page !== undefined)
        nodes += multiplier * ((PAGE_WEIGHTS[field] ?? PAGE_WEIGHT) + page * ELEMENT_WEIGHT)
      walk(selection.selectionSet, multiplier * (page ?? 1), level + 1)
    }
  }
  walk(operation.selectionSet, 1, 1)
  return { nodes: Math.round(nodes), depth }
}

const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.floor(v)) : undefined

/** Size of the page a field asks for, or undefined when it is not a paged list. */
function pageOf(field: string, args: Map<string, unknown>, set: SelectionSetNode): number | undefined {
  const asked = count(args.get('first')) ?? count(args.get('last'))
  if (asked !== undefined) return asked
  const isConnection = set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'edges')
  return isConnection ? (DEFAULT_PAGES[field] ?? SMALL_LIST) : undefined
}

function rowsOf(field: string, args: Map<string, unknown>): number {
  if (ROW_FIELDS.has(field)) return count(args.get('samples')) ?? DEFAULT_SAMPLES
  if (field !== 'sampledHistory') return 0
  const specs = args.get('specs')
  if (!Array.isArray(specs)) return DEFAULT_SAMPLES
  return specs.reduce<number>((sum, spec) => {
    let samples: number | undefined
    try {
      const parsed: unknown = typeof spec === 'string' ? JSON.parse(spec) : spec
      samples = count((parsed as { samples?: unknown } | null)?.samples)
    } catch {
      samples = undefined // a malformed spec fails in the resolver, with its own message
    }
    return sum + (samples ?? DEFAULT_SAMPLES)
  }, 0)
}
