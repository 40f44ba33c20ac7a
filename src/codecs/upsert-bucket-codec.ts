import * as t from 'io-ts'
import { nullable } from './nullable.js'
import { RunNode } from './run-node-codec.js'

/**
 * The `upsertBucket` payload with the run selected back (`bucket { ...RunFields }`), used by
 * `update`, `createRun` and summary writes. `project { name entity { name } }` says where a
 * created run landed when entity or project were defaulted by the server.
 */
export const UpsertBucketResponse = t.type({
  upsertBucket: nullable(
    t.intersection([
      t.type({
        bucket: nullable(
          t.intersection([
            RunNode,
            t.partial({
              project: nullable(t.type({ name: t.string, entity: t.type({ name: t.string }) })),
            }),
          ]),
        ),
      }),
      t.partial({ inserted: nullable(t.boolean) }),
    ]),
  ),
})
export type UpsertBucketResponse = t.TypeOf<typeof UpsertBucketResponse>
