import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { HistoryRows } from './history-response-codec.js'
import { JsonRecord } from './json-record.js'
import { nullable } from './nullable.js'
import { HistoryKeys } from './run-node-codec.js'

/** What a watch poll reads of a run: state, heartbeat, summary and the last step. */
export const WatchRunNode = t.intersection([
  t.type({ state: nullable(t.string) }),
  t.partial({
    heartbeatAt: nullable(DateFromIsoString),
    summaryMetrics: JsonRecord,
    historyKeys: HistoryKeys,
  }),
])
export type WatchRunNode = t.TypeOf<typeof WatchRunNode>

/** One aliased `project { run { … } }` per watched run (`r0`, `r1`, …), batched in one request. */
export const WatchStatusResponse = t.record(t.string, nullable(t.type({ run: nullable(WatchRunNode) })))
export type WatchStatusResponse = t.TypeOf<typeof WatchStatusResponse>

/** One aliased history window per run that has new rows (`h0`, `h1`, …). */
export const WatchRowsResponse = t.record(
  t.string,
  nullable(
    t.type({
      run: nullable(
        t.partial({ history: HistoryRows, sampledHistory: t.union([t.array(HistoryRows), t.null]) }),
      ),
    }),
  ),
)
export type WatchRowsResponse = t.TypeOf<typeof WatchRowsResponse>
