import { decode } from '../codecs/decode.js'
import {
  CreateInviteResponse,
  CreateServiceAccountResponse,
  CreateTeamResponse,
  TEAM_FIELDS,
  TeamResponse,
  toTeam,
  type Team,
} from '../codecs/team-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { ResponseDecodeError } from '../errors/response-decode-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { classifyGraphQLError } from './classify-graphql-error.js'

const TEAM_QUERY = `query Entity($name: String!) { entity(name: $name) { ${TEAM_FIELDS} } }`

const CREATE_TEAM = `mutation CreateTeam($teamName: String!, $teamAdminUserName: String) {
  createTeam(input: {teamName: $teamName, teamAdminUserName: $teamAdminUserName}) {
    entity { ${TEAM_FIELDS} }
  }
}`

const CREATE_INVITE = `mutation CreateInvite($entityName: String!, $email: String, $username: String, $admin: Boolean) {
  createInvite(input: {entityName: $entityName, email: $email, username: $username, admin: $admin}) {
    invite { id name email }
  }
}`

const CREATE_SERVICE_ACCOUNT = `mutation CreateServiceAccount($entityName: String!, $description: String!) {
  createServiceAccount(input: {description: $description, entityName: $entityName}) {
    user { id username apiKeys { edges { node { id name } } } }
  }
}`

type Signal = { readonly signal?: AbortSignal }

const rethrow = (resource: string, path: string) => (error: unknown) => {
  throw classifyGraphQLError(error, resource, path)
}

/**
 * A team with its members (Python `api.team(name)`; pending invites are members with
 * `pending: true`). A missing entity, or a personal one, is `NotFoundError`.
 *
 * @example
 * ```ts
 * const t = await fetchTeam(api.context, 'vision')
 * ```
 */
export async function fetchTeam(ctx: ApiContext, name: string, options: Signal = {}): Promise<Team> {
  const data = await ctx.http.graphql({ query: TEAM_QUERY, variables: { name }, signal: options.signal })
  const entity = decode(TeamResponse, data, 'Entity').entity
  if (!entity || entity.isTeam === false) throw new NotFoundError('team', name)
  return toTeam(entity)
}

/**
 * What {@link createTeam} creates. There is no organization option: W&B's `CreateTeamInput`,
 * as the official clients send it, has only `teamName` and `teamAdminUserName`, and the server
 * places the team in the admin's organization itself.
 *
 * @example
 * ```ts
 * await api.createTeam({ name: 'vision', admin: 'ada' })
 * ```
 */
export interface CreateTeamOptions {
  readonly name: string
  /** Username of the team's first admin; default: you. Naming someone else needs admin rights. */
  readonly admin?: string
  readonly signal?: AbortSignal
}

/**
 * Creates a team (Python `api.create_team(team, admin_username)`). A taken name is a
 * `GraphQLResponseError`; creating one for another user without admin rights is `AuthError`
 * (status 403). Not retried.
 *
 * @example
 * ```ts
 * const t = await createTeam(api.context, { name: 'vision' }) // you are its admin
 * ```
 */
export async function createTeam(ctx: ApiContext, options: CreateTeamOptions): Promise<Team> {
  const variables = {
    teamName: options.name,
    teamAdminUserName: options.admin ?? null,
  }
  const data = await ctx.http
    .graphql({ query: CREATE_TEAM, variables, signal: options.signal })
    .catch(rethrow('team', options.name))
  const entity = decode(CreateTeamResponse, data, 'CreateTeam').createTeam?.entity
  if (!entity)
    throw new ResponseDecodeError('CreateTeam', [
      { path: 'createTeam.entity', expected: 'Entity', actual: null },
    ])
  return toTeam(entity)
}

/**
 * Who {@link inviteToTeam} invites: an email address or an existing username.
 *
 * @example
 * ```ts
 * await api.invite('vision', { username: 'grace', admin: true })
 * ```
 */
export type InviteTarget =
  | { readonly email: string; readonly username?: undefined; readonly admin?: boolean }
  | { readonly username: string; readonly email?: undefined; readonly admin?: boolean }

/**
 * A pending invite.
 *
 * @example
 * ```ts
 * const invite: Invite = await api.invite('vision', { email: 'grace@example.com' })
 * ```
 */
export interface Invite {
  readonly id: string
  readonly name: string
  readonly email: string | null
}

/**
 * Invites a user to a team (Python `team.invite()`). Team admins only: others get `AuthError`
 * (status 403); an unknown team or username is `NotFoundError`. Not retried.
 *
 * @example
 * ```ts
 * await inviteToTeam(api.context, 'vision', { email: 'grace@example.com', admin: true })
 * ```
 */
export async function inviteToTeam(
  ctx: ApiContext,
  team: string,
  target: InviteTarget,
  options: Signal = {},
): Promise<Invite> {
  const variables = {
    entityName: team,
    email: target.email ?? null,
    username: target.username ?? null,
    admin: target.admin ?? false,
  }
  const data = await ctx.http
    .graphql({ query: CREATE_INVITE, variables, signal: options.signal })
    .catch(rethrow('team', team))
  // W&B's CreateInvitePayload has no `success`: the invite itself is the proof.
  const invite = decode(CreateInviteResponse, data, 'CreateInvite').createInvite?.invite
  if (!invite) {
    throw new ResponseDecodeError('CreateInvite', [
      { path: 'createInvite.invite', expected: 'Invite', actual: null },
    ])
  }
  return Object.freeze({ id: invite.id, name: invite.name, email: invite.email ?? null })
}

/**
 * A new service account: a team-scoped bot user and its API key (shown this once).
 *
 * @example
 * ```ts
 * const { apiKey } = await api.createServiceAccount('vision', { description: 'ci' })
 * ```
 */
export interface ServiceAccount {
  readonly id: string
  readonly username: string | null
  /** The key, when the server returns it with the account. */
  readonly apiKey: string | null
}

/**
 * Creates a service account in a team (Python `team.create_service_account()`). Team admins
 * only (`AuthError`, status 403, for others). Not retried.
 *
 * @example
 * ```ts
 * const bot = await createServiceAccount(api.context, 'vision', { description: 'ci' })
 * new Api({ apiKey: bot.apiKey! })
 * ```
 */
export async function createServiceAccount(
  ctx: ApiContext,
  team: string,
  options: { readonly description: string; readonly signal?: AbortSignal },
): Promise<ServiceAccount> {
  const variables = { entityName: team, description: options.description }
  const data = await ctx.http
    .graphql({ query: CREATE_SERVICE_ACCOUNT, variables, signal: options.signal })
    .catch(rethrow('team', team))
  const user = decode(CreateServiceAccountResponse, data, 'CreateServiceAccount').createServiceAccount?.user
  if (!user) {
    throw new ResponseDecodeError('CreateServiceAccount', [
      { path: 'createServiceAccount.user', expected: 'User', actual: null },
    ])
  }
  const key = user.apiKeys?.edges.find((e) => e.node)?.node?.name ?? null
  return Object.freeze({ id: user.id, username: user.username ?? null, apiKey: key })
}
