import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { JsonRecord } from './json-record.js'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'

/** A report (a view of type `runs`) as W&B sends it; `spec` is a JSON string. */
export const ReportNode = t.intersection([
  t.type({ id: t.string }),
  t.partial({
    name: nullable(t.string),
    displayName: nullable(t.string),
    description: nullable(t.string),
    user: nullable(
      t.partial({ username: nullable(t.string), photoUrl: nullable(t.string), email: nullable(t.string) }),
    ),
    spec: JsonRecord,
    createdAt: nullable(DateFromIsoString),
    updatedAt: nullable(DateFromIsoString),
  }),
])
export type ReportNode = t.TypeOf<typeof ReportNode>

/** One page of `project { allViews(viewType: "runs", viewName, first, after) }`. */
export const ReportsPageResponse = t.type({
  project: nullable(
    t.type({
      allViews: nullable(
        t.type({ edges: t.array(t.type({ node: ReportNode, cursor: t.string })), pageInfo: PageInfo }),
      ),
    }),
  ),
})
export type ReportsPageResponse = t.TypeOf<typeof ReportsPageResponse>
