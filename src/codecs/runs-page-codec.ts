import * as t from 'io-ts'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'
import { RunNode } from './run-node-codec.js'

/** One page of `project.runs` (PROTOCOL.md §3), plus the project's `runCount` when selected. */
export const RunsPage = t.type({
  edges: t.array(t.type({ node: RunNode, cursor: t.string })),
  pageInfo: PageInfo,
})
export type RunsPage = t.TypeOf<typeof RunsPage>

/** The whole `Runs` query response: a missing project is `project: null`. */
export const RunsResponse = t.type({
  project: nullable(
    t.intersection([t.type({ runs: RunsPage }), t.partial({ runCount: nullable(t.number) })]),
  ),
})
export type RunsResponse = t.TypeOf<typeof RunsResponse>

/** The `RunCount` query response. */
export const RunCountResponse = t.type({ project: nullable(t.type({ runCount: t.number })) })
export type RunCountResponse = t.TypeOf<typeof RunCountResponse>

/** The single-run `Run` query response: a missing run is `run: null`. */
export const RunResponse = t.type({ project: nullable(t.type({ run: nullable(RunNode) })) })
export type RunResponse = t.TypeOf<typeof RunResponse>
