import type { GraphqlContext } from '../../graphql/context.js'
import { executeGraphql } from '../../graphql/execute-graphql.js'
import type { UserRow } from '../../store/rows.js'
import { jsonText, type Reply } from '../reply.js'
import type { ServerState } from '../server-state.js'

/** POST /graphql. */
export async function graphqlRoute(
  state: ServerState,
  user: UserRow,
  body: unknown,
  baseUrl: string,
): Promise<Reply> {
  const context: GraphqlContext = {
    db: state.db,
    indexer: state.indexer,
    viewer: user,
    baseUrl,
    signer: state.signer,
    nodes: state.nodes(() => context),
  }
  const reply = await executeGraphql(body, context)
  return jsonText(reply.status, reply.body)
}
