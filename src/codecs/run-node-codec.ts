import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { JsonRecord } from './json-record.js'
import { JsonTypedRecord } from './json-typed-record.js'
import { nullable } from './nullable.js'

/** `historyKeys`: a JSON object (sometimes a JSON string) with the last logged `_step`. */
export const HistoryKeys = t.union([JsonTypedRecord, t.null])

/**
 * A run node exactly as the W&B GraphQL API sends it (`LightweightRunFragment` or `RunFragment`,
 * PROTOCOL.md §3). `toRun` turns it into the user-facing {@link Run}.
 */
export const RunNode = t.intersection([
  t.type({
    id: t.string,
    name: t.string,
    createdAt: DateFromIsoString,
  }),
  t.partial({
    displayName: nullable(t.string),
    state: nullable(t.string),
    tags: nullable(t.array(t.string)),
    group: nullable(t.string),
    jobType: nullable(t.string),
    sweepName: nullable(t.string),
    commit: nullable(t.string),
    description: nullable(t.string),
    notes: nullable(t.string),
    heartbeatAt: nullable(DateFromIsoString),
    historyLineCount: nullable(t.number),
    projectId: nullable(t.union([t.number, t.string])),
    readOnly: nullable(t.boolean),
    user: nullable(t.partial({ name: nullable(t.string), username: nullable(t.string) })),
    config: JsonRecord,
    summaryMetrics: JsonRecord,
    systemMetrics: JsonRecord,
    historyKeys: HistoryKeys,
  }),
])
export type RunNode = t.TypeOf<typeof RunNode>
