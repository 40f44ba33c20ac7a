import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { JsonRecord } from './json-record.js'
import { nullable } from './nullable.js'

/** `UserFragment` (PROTOCOL.md §8, `api/fragments.graphql`). @internal */
export const USER_DETAILS_FIELDS = `id name username email admin flags entity deletedAt
  apiKeys { edges { node { id name description } } } teams { edges { node { name } } }`

/** @internal */
export const UserDetailsNode = t.intersection([
  t.type({ id: t.string }),
  t.partial({
    name: nullable(t.string),
    username: nullable(t.string),
    email: nullable(t.string),
    admin: nullable(t.boolean),
    flags: JsonRecord,
    entity: nullable(t.string),
    deletedAt: nullable(DateFromIsoString),
    apiKeys: nullable(
      t.type({
        edges: t.array(
          t.type({
            node: nullable(t.type({ id: t.string, name: t.string, description: nullable(t.string) })),
          }),
        ),
      }),
    ),
    teams: nullable(t.type({ edges: t.array(t.type({ node: nullable(t.type({ name: t.string })) })) })),
  }),
])
export type UserDetailsNode = t.TypeOf<typeof UserDetailsNode>

/**
 * An API key as listed: `name` is the key itself only in the response that created it.
 *
 * @example
 * ```ts
 * (await api.user('ada')).apiKeys // [{ id: 'QXBpS2V5OnYxOjM=', name: 'local-abcd…', description: 'ci' }]
 * ```
 */
export interface ApiKeyInfo {
  readonly id: string
  /** W&B lists keys by name; this server masks stored keys (`local-abcd…`). */
  readonly name: string
  readonly description: string | null
}

/**
 * A W&B user as `api.user()` / `api.users()` return it (Python `User`): plain, frozen data.
 * W&B's `User` type has no account type; a service account shows as such among a team's
 * members (`team.members[i].accountType`).
 *
 * @example
 * ```ts
 * const u: UserDetails = await api.user('ada@example.com')
 * u.teams // ['vision', 'nlp']
 * ```
 */
export interface UserDetails {
  readonly id: string
  readonly name: string | null
  readonly username: string | null
  readonly email: string | null
  readonly admin: boolean
  /** The default (personal) entity. */
  readonly entity: string | null
  readonly flags: Readonly<Record<string, unknown>>
  readonly deletedAt: Date | null
  readonly apiKeys: readonly ApiKeyInfo[]
  readonly teams: readonly string[]
}

/** @internal */
export const toUserDetails = (node: UserDetailsNode): UserDetails =>
  Object.freeze({
    id: node.id,
    name: node.name ?? null,
    username: node.username ?? null,
    email: node.email ?? null,
    admin: node.admin ?? false,
    entity: node.entity ?? null,
    flags: Object.freeze({ ...(node.flags ?? {}) }),
    deletedAt: node.deletedAt ?? null,
    apiKeys: Object.freeze(
      (node.apiKeys?.edges ?? []).flatMap((e) =>
        e.node
          ? [Object.freeze({ id: e.node.id, name: e.node.name, description: e.node.description ?? null })]
          : [],
      ),
    ),
    teams: Object.freeze((node.teams?.edges ?? []).flatMap((e) => (e.node ? [e.node.name] : []))),
  })

/** `users(query)` edges. @internal */
export const UsersResponse = t.type({
  users: nullable(t.type({ edges: t.array(t.type({ node: nullable(UserDetailsNode) })) })),
})
