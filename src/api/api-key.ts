import { isNodeLike, readEnv } from '../internal/environment.js'

/**
 * Finds the API key: the option, else `WANDB_API_KEY`, else (Node only) `.netrc` for the base
 * URL's host[:port]. The Node-only lookup is a dynamic import, so browser bundles drop it.
 */
export async function findApiKey(option: string | undefined, baseUrl: string): Promise<string | undefined> {
  if (option) return option
  const fromEnv = readEnv('WANDB_API_KEY')
  if (fromEnv) return fromEnv
  if (!isNodeLike()) return undefined
  const { netrcPassword } = await import('../node/netrc.js')
  return netrcPassword(new URL(baseUrl).host)
}
