import * as t from 'io-ts'
import { decode } from '../codecs/decode.js'
import { nullable } from '../codecs/nullable.js'
import { GraphQLResponseError } from '../errors/graphql-response-error.js'
import type { ApiContext } from '../internal/api-context.js'

// wandb-core's document (`core/api/graphql/query_server_features.graphql`).
const SERVER_FEATURES_QUERY = `query ServerFeaturesQuery { serverInfo { features { name isEnabled } } }`

const ServerFeaturesResponse = t.type({
  serverInfo: nullable(
    t.partial({ features: nullable(t.array(t.type({ name: t.string, isEnabled: nullable(t.boolean) }))) }),
  ),
})

/** Enabled features per transport (one per `Api`), asked once. */
const cache = new WeakMap<object, Promise<ReadonlySet<string>>>()

async function enabledFeatures(ctx: ApiContext, signal?: AbortSignal): Promise<ReadonlySet<string>> {
  try {
    const data = await ctx.http.graphql({ query: SERVER_FEATURES_QUERY, signal })
    const features = decode(ServerFeaturesResponse, data, 'ServerFeaturesQuery').serverInfo?.features ?? []
    return new Set(features.filter((f) => f.isEnabled === true).map((f) => f.name))
  } catch (error) {
    // An older server without `serverInfo.features` has none of the optional paths.
    if (error instanceof GraphQLResponseError) return new Set()
    throw error
  }
}

/**
 * Whether the server lists `name` as enabled in `serverInfo.features`, the way wandb-core decides
 * on optional code paths (`MARK_RUN_FILES_UPLOADED`, …). Asked once per `Api`; a network failure
 * is not remembered, so the next call asks again.
 *
 * @example
 * ```ts
 * if (await serverFeatureEnabled(ctx, 'MARK_RUN_FILES_UPLOADED')) await markRunFilesUploaded(ctx, run, ['a.txt'])
 * ```
 */
export async function serverFeatureEnabled(
  ctx: ApiContext,
  name: string,
  signal?: AbortSignal,
): Promise<boolean> {
  let features = cache.get(ctx.http)
  if (!features) {
    features = enabledFeatures(ctx, signal)
    cache.set(ctx.http, features)
    features.catch(() => cache.delete(ctx.http))
  }
  return (await features).has(name)
}
