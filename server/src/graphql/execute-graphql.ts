import {
  buildSchema,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLScalarType,
} from 'graphql'
import { FilterError } from '../filters/filter-error.js'
import { toStrictJson } from '../util/extended-json.js'
import { stringifyPieces } from '../util/json-pieces.js'
import type { GraphqlContext } from './context.js'
import { DEFAULT_COST_LIMITS, queryCost } from './query-cost.js'
import { resolveField } from './extension-resolvers.js'
import { rootMutation } from './root-mutation.js'
import { rootQuery } from './root-query.js'
import { SCHEMA_SDL } from './schema-sdl.js'

const schema = buildSchema(SCHEMA_SDL)
// Values of the JSON scalar (e.g. `sampledHistory` rows) carry NaN / ±Infinity as strings:
// wandb-core decodes every reply with Go's strict JSON, where a bare NaN fails the whole reply.
// JSONString values are strings and keep W&B's extended JSON (bare NaN) inside.
;(schema.getType('JSON') as GraphQLScalarType).serialize = toStrictJson
const rootValue = { ...rootQuery, ...rootMutation }

/** Status and JSON text of a GraphQL-over-HTTP reply. */
export interface GraphqlReply {
  readonly status: number
  /** JSON text; a successful reply's comes in pieces (see `stringifyPieces`). */
  readonly body: string | readonly string[]
}

const errorReply = (status: number, messages: readonly string[]): GraphqlReply => ({
  status,
  body: JSON.stringify({ errors: messages.map((message) => ({ message })) }),
})

// Documents repeat (clients send the same few queries); caching parse + validate saves most
// of the per-request cost.
const documents = new Map<string, DocumentNode>()

function parseAndValidate(query: string): DocumentNode | GraphqlReply {
  const cached = documents.get(query)
  if (cached) return cached
  let document: DocumentNode
  try {
    document = parse(query)
  } catch (error) {
    return errorReply(400, [(error as GraphQLError).message])
  }
  const errors = validate(schema, document)
  if (errors.length > 0)
    return errorReply(
      400,
      errors.map((e) => e.message),
    )
  if (documents.size >= 500) documents.clear()
  documents.set(query, document)
  return document
}

/** The operation name a request runs: `operationName`, else the document's first named operation. */
export function operationNameOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const { operationName, query } = body as { operationName?: unknown; query?: unknown }
  if (typeof operationName === 'string' && operationName) return operationName
  if (typeof query !== 'string') return undefined
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1]
}

/**
 * Runs one GraphQL request body (`{query, variables, operationName}`). Syntax and validation
 * errors give 400; execution errors come back in `errors[]` of a 200 next to partial `data`.
 * The body is strict JSON.
 */
export async function executeGraphql(body: unknown, context: GraphqlContext): Promise<GraphqlReply> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return errorReply(400, ['request body must be a JSON object with a "query"'])
  }
  const { query, variables, operationName: sentName } = body as Record<string, unknown>
  // An empty name means "no name" (GraphQL over HTTP); wandb-core sends "" for Python-built queries.
  const operationName = sentName === '' ? null : sentName
  if (typeof query !== 'string') return errorReply(400, ['"query" must be a string'])
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return errorReply(400, ['"variables" must be an object'])
  }
  if (operationName != null && typeof operationName !== 'string')
    return errorReply(400, ['"operationName" must be a string'])
  const document = parseAndValidate(query)
  if (!('kind' in document)) return document
  const operation = getOperationAST(document, operationName ?? undefined)
  if (!operation) {
    return errorReply(400, [
      operationName
        ? `unknown operation "${operationName}"`
        : 'the document needs exactly one operation or an operationName',
    ])
  }
  const cost = queryCost(document, operation, (variables as Record<string, unknown> | null) ?? {})
  const { maxNodes, maxDepth } = DEFAULT_COST_LIMITS
  if (cost.nodes > maxNodes || cost.depth > maxDepth) {
    return errorReply(400, [
      cost.depth > maxDepth
        ? `query too deep: more than ${maxDepth} nested selections`
        : `query too expensive: it asks for more than ${maxNodes} fields (lists multiplied by their first/last/samples); ask for smaller pages or fewer nested lists`,
    ])
  }
  const result = await execute({
    schema,
    document,
    rootValue,
    contextValue: context,
    variableValues: (variables as Record<string, unknown> | null | undefined) ?? null,
    operationName: operationName ?? null,
    fieldResolver: resolveField,
  })
  const errors = result.errors?.map((error) => {
    const original = error.originalError
    const code = original instanceof FilterError ? 'BAD_USER_INPUT' : error.extensions.code
    return { message: error.message, path: error.path, ...(code ? { extensions: { code } } : {}) }
  })
  return {
    status: 200,
    body: stringifyPieces({ ...(errors ? { errors } : {}), data: result.data ?? null }),
  }
}
