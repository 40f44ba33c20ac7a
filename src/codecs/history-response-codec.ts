import * as t from 'io-ts'
import { HistoryRow, EventRow } from './history-row-codec.js'
import { nullable } from './nullable.js'
import { HistoryKeys } from './run-node-codec.js'

/**
 * A list of history rows (JSON-string lines or objects). Decoded in one loop that builds an
 * error context only for a failing row, since a full scan decodes millions of rows. `null` is an
 * empty list.
 */
export const HistoryRows = new t.Type<readonly HistoryRow[], unknown, unknown>(
  'HistoryRows',
  (u): u is readonly HistoryRow[] => Array.isArray(u) && u.every((row) => HistoryRow.is(row)),
  (u, c) => {
    if (u === null) return t.success([])
    if (!Array.isArray(u)) return t.failure(u, c, 'expected a list of history rows')
    const rows = new Array<HistoryRow>(u.length)
    for (let i = 0; i < u.length; i++) {
      const row = HistoryRow.validate(u[i], c)
      if (row._tag === 'Left') {
        const failing = HistoryRow.validate(u[i], t.appendContext(c, String(i), HistoryRow, u[i]))
        return failing._tag === 'Left' ? failing : row
      }
      rows[i] = row.right
    }
    return t.success(rows)
  },
  t.identity,
)
export type HistoryRows = t.TypeOf<typeof HistoryRows>

/** `{ project { run { … } } }`: a missing project or run is `null`, as W&B answers. */
const inRun = <P extends t.Props>(props: P) =>
  t.type({ project: nullable(t.type({ run: nullable(t.type(props)) })) })

/** `run { history(samples, minStep, maxStep) }`: rows as JSON-string lines (PROTOCOL.md §5). */
export const HistoryResponse = inRun({ history: HistoryRows })
export type HistoryResponse = t.TypeOf<typeof HistoryResponse>

/** `run { sampledHistory(specs) }`: one list of row objects per spec. */
export const SampledHistoryResponse = inRun({ sampledHistory: t.union([t.array(HistoryRows), t.null]) })
export type SampledHistoryResponse = t.TypeOf<typeof SampledHistoryResponse>

/** `run { events(samples) }`: system-metrics rows as JSON-string lines. */
export const EventsResponse = inRun({ events: t.union([t.array(EventRow), t.null]) })
export type EventsResponse = t.TypeOf<typeof EventsResponse>

/** `run { historyKeys }`: `{ lastStep, keys }` or null for a run that logged nothing. */
export const HistoryKeysResponse = inRun({ historyKeys: HistoryKeys })
export type HistoryKeysResponse = t.TypeOf<typeof HistoryKeysResponse>
