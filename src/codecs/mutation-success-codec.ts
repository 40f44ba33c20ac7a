import * as t from 'io-ts'
import { nullable } from './nullable.js'

/**
 * A mutation payload that reports `success` (`updateRunState`, `stopRun`, `deleteFiles`, …).
 * Compose it under the mutation's field name.
 *
 * @example
 * ```ts
 * const StopRunResponse = t.type({ stopRun: SuccessPayload })
 * decode(StopRunResponse, data, 'StopRun').stopRun?.success // true
 * ```
 */
export const SuccessPayload = nullable(t.partial({ success: nullable(t.boolean) }))
export type SuccessPayload = t.TypeOf<typeof SuccessPayload>
