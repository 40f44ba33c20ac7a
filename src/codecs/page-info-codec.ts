import * as t from 'io-ts'
import { nullable } from './nullable.js'

/** Relay paging info. W&B's clients page with the last edge's `cursor`, not `endCursor`. */
export const PageInfo = t.type({
  hasNextPage: t.boolean,
  endCursor: t.union([nullable(t.string), t.undefined]),
})
export type PageInfo = t.TypeOf<typeof PageInfo>
