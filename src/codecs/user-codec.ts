import * as t from 'io-ts'
import { nullable } from './nullable.js'

/**
 * The W&B user behind an API key (`viewer`), or one found by `api.user()`.
 *
 * @example
 * ```ts
 * const me: User = await api.viewer()
 * me.entity // default entity for paths without one
 * ```
 */
export const User = t.intersection([
  t.type({ id: t.string, entity: t.string }),
  t.partial({
    username: nullable(t.string),
    name: nullable(t.string),
    email: nullable(t.string),
    admin: nullable(t.boolean),
    teams: nullable(t.type({ edges: t.array(t.type({ node: t.type({ name: t.string }) })) })),
  }),
])
export type User = t.TypeOf<typeof User>

/** The `Viewer` query response: a `null` viewer means the key was not accepted. */
export const ViewerResponse = t.type({ viewer: nullable(User) })
export type ViewerResponse = t.TypeOf<typeof ViewerResponse>
