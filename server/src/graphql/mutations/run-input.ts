import type { RunFields } from '../../store/runs.js'
import { parseExtendedJson, stringifyExtended } from '../../util/extended-json.js'
import { userError } from '../errors.js'

export const RUN_STATES = [
  'running',
  'finished',
  'crashed',
  'failed',
  'killed',
  'preempting',
  'preempted',
  'pending',
]

export function checkState(state: string): string {
  if (!RUN_STATES.includes(state))
    throw userError(`invalid run state ${JSON.stringify(state)} (one of ${RUN_STATES.join(', ')})`)
  return state
}

function parseObject(text: unknown, what: string): Record<string, unknown> {
  let value: unknown
  try {
    value = typeof text === 'string' ? parseExtendedJson(text) : text
  } catch {
    throw userError(`${what} is not valid JSON`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw userError(`${what} must be a JSON object`)
  return value as Record<string, unknown>
}

const isWrapped = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  'value' in v &&
  Object.keys(v).every((k) => k === 'value' || k === 'desc')

/**
 * Config in its one stored form, W&B's wrapped `{k: {value, desc?}}`. The Python SDK sends it
 * wrapped; the JS logger sends the plain object. A config is taken as wrapped only when every
 * entry is, so one plain entry that happens to hold `{value}` cannot be half-unwrapped.
 *
 * @example normalizeConfig('{"lr": 0.1}') // '{"lr":{"value":0.1}}'
 */
export function normalizeConfig(text: unknown): string {
  const config = parseObject(text, 'config')
  const entries = Object.entries(config)
  if (entries.every(([, v]) => isWrapped(v))) return stringifyExtended(config)
  return stringifyExtended(Object.fromEntries(entries.map(([k, v]) => [k, { value: v }])))
}

/** Summary text as sent (NaN tokens kept); it must be a JSON object. */
export function checkSummary(text: unknown): string {
  parseObject(text, 'summaryMetrics')
  return typeof text === 'string' ? text.trim() : stringifyExtended(text)
}

export interface UpsertBucketInput {
  readonly clientMutationId?: string | null
  readonly id?: string | null
  readonly name?: string | null
  readonly modelName?: string | null
  readonly entityName?: string | null
  readonly groupName?: string | null
  readonly description?: string | null
  readonly displayName?: string | null
  readonly notes?: string | null
  readonly commit?: string | null
  readonly config?: unknown
  readonly host?: string | null
  readonly jobProgram?: string | null
  readonly jobType?: string | null
  readonly state?: string | null
  readonly sweep?: string | null
  readonly tags?: readonly (string | null)[] | null
  readonly summaryMetrics?: unknown
}

/** Plain-text inputs and the run columns they set. */
const TEXT_COLUMNS = [
  ['groupName', 'group_name'],
  ['jobType', 'job_type'],
  ['sweep', 'sweep_name'],
  ['commit', 'commit_hash'],
  ['description', 'description'],
  ['notes', 'notes'],
  ['host', 'host'],
  ['jobProgram', 'program'],
] as const satisfies readonly (readonly [keyof UpsertBucketInput, keyof RunFields])[]

/** The run columns an upsertBucket input sets; null/absent inputs leave columns unchanged. */
export function runFieldsOf(input: UpsertBucketInput): RunFields {
  const fields: RunFields = {}
  if (input.displayName != null) fields.display_name = input.displayName
  if (input.state != null) fields.state = checkState(input.state)
  if (input.config != null) fields.config_json = normalizeConfig(input.config)
  if (input.summaryMetrics != null) fields.summary_json = checkSummary(input.summaryMetrics)
  if (input.tags != null)
    fields.tags = JSON.stringify(input.tags.filter((t): t is string => typeof t === 'string'))
  for (const [key, column] of TEXT_COLUMNS) {
    const value = input[key]
    if (value != null) fields[column] = value
  }
  return fields
}
