import * as t from 'io-ts'
import { JsonRecord } from './json-record.js'
import { nullable } from './nullable.js'

/**
 * What a run write needs to read first, fresh from the server: the storage `id` mutations take,
 * the project's numeric id (for `deleteFiles`) and the stored config and summary as W&B keeps
 * them (config still wrapped `{k: {value, desc}}`, `_wandb` included).
 */
export const RunWriteState = t.intersection([
  t.type({ id: t.string }),
  t.partial({
    projectId: nullable(t.union([t.number, t.string])),
    config: JsonRecord,
    summaryMetrics: JsonRecord,
  }),
])
export type RunWriteState = t.TypeOf<typeof RunWriteState>

/** `project { run { id projectId config summaryMetrics } }`; null project or run: not found. */
export const RunWriteStateResponse = t.type({
  project: nullable(t.type({ run: nullable(RunWriteState) })),
})
export type RunWriteStateResponse = t.TypeOf<typeof RunWriteStateResponse>
