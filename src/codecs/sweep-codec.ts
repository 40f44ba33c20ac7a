import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'

/** The sweep selection of the Python SDK (PROTOCOL §8); `LEGACY_SWEEP_FIELDS` for old servers. */
export const SWEEP_FIELDS =
  'id name displayName method state description bestLoss config createdAt updatedAt runCount runCountExpected'
export const LEGACY_SWEEP_FIELDS = 'id name state bestLoss config'

/** A sweep node as W&B sends it; `config` is a YAML string. */
export const SweepNode = t.intersection([
  t.type({ id: t.string, name: t.string }),
  t.partial({
    displayName: nullable(t.string),
    method: nullable(t.string),
    state: nullable(t.string),
    description: nullable(t.string),
    bestLoss: nullable(t.number),
    config: nullable(t.string),
    createdAt: nullable(DateFromIsoString),
    updatedAt: nullable(DateFromIsoString),
    runCount: nullable(t.number),
    runCountExpected: nullable(t.number),
  }),
])
export type SweepNode = t.TypeOf<typeof SweepNode>

/** `project { sweep(sweepName) {…} }`: a null project or sweep means not found. */
export const SweepResponse = t.type({
  project: nullable(t.type({ sweep: nullable(SweepNode) })),
})
export type SweepResponse = t.TypeOf<typeof SweepResponse>

/** One page of `project { sweeps(after, first) }`. */
export const SweepsPageResponse = t.type({
  project: nullable(
    t.type({
      sweeps: nullable(t.type({ edges: t.array(t.type({ node: SweepNode })), pageInfo: PageInfo })),
    }),
  ),
})
export type SweepsPageResponse = t.TypeOf<typeof SweepsPageResponse>
