import * as t from 'io-ts'
import { nullable } from './nullable.js'

/** The `entity(name)` selection of Python's `Team` (PROTOCOL.md §8, `api/teams.graphql`). @internal */
export const TEAM_FIELDS = `id name available photoUrl readOnly readOnlyAdmin isTeam entityType privateOnly
  storageBytes codeSavingEnabled defaultAccess isPaid
  members { id admin pending email username name photoUrl accountType apiKey }`

/** @internal */
export const MemberNode = t.intersection([
  t.type({ name: t.string }),
  t.partial({
    id: nullable(t.string),
    admin: nullable(t.boolean),
    pending: nullable(t.boolean),
    email: nullable(t.string),
    username: nullable(t.string),
    photoUrl: nullable(t.string),
    accountType: nullable(t.string),
    apiKey: nullable(t.string),
  }),
])

/** @internal */
export const TeamNode = t.intersection([
  t.type({ id: t.string, name: t.string }),
  t.partial({
    isTeam: nullable(t.boolean),
    entityType: nullable(t.string),
    readOnly: nullable(t.boolean),
    readOnlyAdmin: nullable(t.boolean),
    privateOnly: nullable(t.boolean),
    defaultAccess: nullable(t.string),
    members: nullable(t.array(MemberNode)),
  }),
])
export type TeamNode = t.TypeOf<typeof TeamNode>

/**
 * A member of a team; `pending` for invites not yet accepted.
 *
 * @example
 * ```ts
 * (await api.team('vision')).members.filter((m) => m.pending) // invites not yet accepted
 * ```
 */
export interface TeamMember {
  readonly id: string | null
  readonly name: string
  readonly username: string | null
  readonly email: string | null
  readonly admin: boolean
  readonly pending: boolean
  /** `USER`, or `SERVICE` for service accounts. */
  readonly accountType: string | null
}

/**
 * A team (an entity with members), as `api.team(name)` returns it: plain, frozen data.
 *
 * @example
 * ```ts
 * const t: Team = await api.team('vision')
 * t.members.filter((m) => m.admin).map((m) => m.username) // ['ada']
 * ```
 */
export interface Team {
  readonly id: string
  readonly name: string
  readonly entityType: string | null
  /** True when this key cannot write to the team. */
  readonly readOnly: boolean
  /** True when this key does not administer the team. */
  readonly readOnlyAdmin: boolean
  readonly privateOnly: boolean
  readonly defaultAccess: string | null
  readonly members: readonly TeamMember[]
}

/** @internal */
export const toTeam = (node: TeamNode): Team =>
  Object.freeze({
    id: node.id,
    name: node.name,
    entityType: node.entityType ?? null,
    readOnly: node.readOnly ?? false,
    readOnlyAdmin: node.readOnlyAdmin ?? true,
    privateOnly: node.privateOnly ?? false,
    defaultAccess: node.defaultAccess ?? null,
    members: Object.freeze(
      (node.members ?? []).map((m) =>
        Object.freeze({
          id: m.id ?? null,
          name: m.name,
          username: m.username ?? null,
          email: m.email ?? null,
          admin: m.admin ?? false,
          pending: m.pending ?? false,
          accountType: m.accountType ?? null,
        }),
      ),
    ),
  })

/** @internal */
export const TeamResponse = t.type({ entity: nullable(TeamNode) })
/** @internal */
export const CreateTeamResponse = t.type({ createTeam: nullable(t.type({ entity: nullable(TeamNode) })) })
/** @internal */
export const CreateInviteResponse = t.type({
  createInvite: nullable(
    t.partial({
      invite: nullable(
        t.intersection([t.type({ id: t.string, name: t.string }), t.partial({ email: nullable(t.string) })]),
      ),
    }),
  ),
})
/** @internal */
export const CreateServiceAccountResponse = t.type({
  createServiceAccount: nullable(
    t.type({
      user: nullable(
        t.intersection([
          t.type({ id: t.string }),
          t.partial({
            username: nullable(t.string),
            apiKeys: nullable(
              t.type({
                edges: t.array(t.type({ node: nullable(t.type({ id: t.string, name: t.string })) })),
              }),
            ),
          }),
        ]),
      ),
    }),
  ),
})
