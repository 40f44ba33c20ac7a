import { GraphQLError } from 'graphql'

/** A GraphQL error with a W&B-like `extensions.code`. */
export function userError(message: string, code = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(message, { extensions: { code } })
}

export const permissionDenied = (what: string): GraphQLError =>
  userError(`permission denied: you cannot write to ${what}`, 'PERMISSION_ERROR')

export const notFound = (what: string): GraphQLError => userError(`${what} not found`, 'NOT_FOUND')
