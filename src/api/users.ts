import * as t from 'io-ts'
import { decode } from '../codecs/decode.js'
import { SuccessPayload } from '../codecs/mutation-success-codec.js'
import { nullable } from '../codecs/nullable.js'
import {
  toUserDetails,
  USER_DETAILS_FIELDS,
  UsersResponse,
  type UserDetails,
} from '../codecs/user-details-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { ResponseDecodeError } from '../errors/response-decode-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { classifyGraphQLError } from './classify-graphql-error.js'

const SEARCH_USERS = `query SearchUsers($query: String) {
  users(query: $query) { edges { node { ${USER_DETAILS_FIELDS} } } }
}`

const GENERATE_API_KEY = `mutation GenerateApiKey($description: String) {
  generateApiKey(input: {description: $description}) { apiKey { id name description } }
}`

const DELETE_API_KEY = `mutation DeleteApiKey($id: String!) {
  deleteApiKey(input: {id: $id}) { success }
}`

const GenerateApiKeyResponse = t.type({
  generateApiKey: nullable(
    t.type({ apiKey: nullable(t.type({ id: t.string, name: t.string, description: nullable(t.string) })) }),
  ),
})
const DeleteApiKeyResponse = t.type({ deleteApiKey: SuccessPayload })

/**
 * A new API key: `key` is the secret itself, shown this once.
 *
 * @example
 * ```ts
 * const { id, key } = await api.generateApiKey({ description: 'ci' })
 * await api.deleteApiKey(id)
 * ```
 */
export interface GeneratedApiKey {
  /** Pass to `deleteApiKey` to revoke it. */
  readonly id: string
  readonly key: string
  readonly description: string | null
}

/**
 * Users whose username or email matches `query` (Python `api.users()`; W&B matches prefixes
 * and suffixes). Instance admins only: others get `AuthError` (status 403).
 *
 * @example
 * ```ts
 * const found = await searchUsers(api.context, '@example.com') // [{ username: 'ada', … }, …]
 * ```
 */
export async function searchUsers(
  ctx: ApiContext,
  query: string,
  options: { readonly signal?: AbortSignal } = {},
): Promise<UserDetails[]> {
  const data = await ctx.http
    .graphql({ query: SEARCH_USERS, variables: { query }, signal: options.signal })
    .catch((error: unknown) => {
      throw classifyGraphQLError(error, 'users', query)
    })
  const users = decode(UsersResponse, data, 'SearchUsers').users
  return (users?.edges ?? []).flatMap((e) => (e.node ? [toUserDetails(e.node)] : []))
}

/**
 * One user by username or email (Python `api.user()`, which takes the first match). Instance
 * admins only (`AuthError`, status 403, for others). Where Python returns `None`, this rejects
 * with `NotFoundError`, like every other lookup here.
 *
 * @example
 * ```ts
 * const ada = await findUser(api.context, 'ada@example.com')
 * ```
 */
export async function findUser(
  ctx: ApiContext,
  usernameOrEmail: string,
  options: { readonly signal?: AbortSignal } = {},
): Promise<UserDetails> {
  const users = await searchUsers(ctx, usernameOrEmail, options)
  const exact = users.find((u) => u.username === usernameOrEmail || u.email === usernameOrEmail)
  const found = exact ?? users[0]
  if (!found) throw new NotFoundError('user', usernameOrEmail)
  return found
}

/**
 * Creates an API key for the calling user (Python `user.generate_api_key()`). Not retried: a
 * retry after a lost response would create a second key.
 *
 * @example
 * ```ts
 * const { id, key } = await generateApiKey(api.context, { description: 'ci' })
 * ```
 */
export async function generateApiKey(
  ctx: ApiContext,
  options: { readonly description?: string; readonly signal?: AbortSignal } = {},
): Promise<GeneratedApiKey> {
  const variables = { description: options.description ?? null }
  const data = await ctx.http
    .graphql({ query: GENERATE_API_KEY, variables, signal: options.signal })
    .catch((error: unknown) => {
      throw classifyGraphQLError(error, 'api key', options.description ?? '')
    })
  const apiKey = decode(GenerateApiKeyResponse, data, 'GenerateApiKey').generateApiKey?.apiKey
  if (!apiKey) {
    throw new ResponseDecodeError('GenerateApiKey', [
      { path: 'generateApiKey.apiKey', expected: 'ApiKey', actual: null },
    ])
  }
  return Object.freeze({ id: apiKey.id, key: apiKey.name, description: apiKey.description ?? null })
}

/**
 * Revokes an API key by id (Python `user.delete_api_key()`). An unknown id is `NotFoundError`;
 * another user's key, unless you are an instance admin, is `AuthError` (status 403). Safe to
 * retry (deleting is idempotent), but a retry after success reports `NotFoundError`.
 *
 * @example
 * ```ts
 * await deleteApiKey(api.context, id)
 * ```
 */
export async function deleteApiKey(
  ctx: ApiContext,
  id: string,
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  const data = await ctx.http
    .graphql({ query: DELETE_API_KEY, variables: { id }, signal: options.signal, idempotent: true })
    .catch((error: unknown) => {
      throw classifyGraphQLError(error, 'api key', id)
    })
  if (decode(DeleteApiKeyResponse, data, 'DeleteApiKey').deleteApiKey?.success !== true) {
    throw new NotFoundError('api key', id)
  }
}
