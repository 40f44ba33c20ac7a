import { WandbError } from './wandb-error.js'

/** One decoding failure: where in the response, what was expected, what arrived. */
export interface DecodeIssue {
  /** A dotted JSON path, e.g. `project.runs.edges.3.node.createdAt`. */
  readonly path: string
  readonly expected: string
  readonly actual: unknown
  readonly message?: string | undefined
}

/**
 * A response that does not have the shape W&B's API promises. The message names every failing
 * JSON path; `issues` has them as data.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof ResponseDecodeError) console.error(e.issues[0]?.path) }
 * ```
 */
export class ResponseDecodeError extends WandbError {
  override name = 'ResponseDecodeError'
  readonly issues: readonly DecodeIssue[]
  /** What was being decoded, e.g. the GraphQL operation name. */
  readonly what: string

  constructor(what: string, issues: readonly DecodeIssue[]) {
    super(renderDecodeMessage(what, issues))
    this.what = what
    this.issues = issues
  }
}

const MAX_LISTED = 5

function renderDecodeMessage(what: string, issues: readonly DecodeIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED).map((i) => {
    const actual = JSON.stringify(i.actual)?.slice(0, 60) ?? String(i.actual)
    return `at ${i.path || '(root)'}: expected ${i.message ?? i.expected}, got ${actual}`
  })
  const more = issues.length > MAX_LISTED ? ` (and ${issues.length - MAX_LISTED} more)` : ''
  return `unexpected response to ${what}: ${listed.join('; ')}${more}`
}
