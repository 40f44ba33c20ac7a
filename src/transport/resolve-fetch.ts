import { platform } from '#platform'
import { WandbError } from '../errors/wandb-error.js'

/** The `fetch` signature wandb-rx needs; inject your own (tests, proxies, instrumentation). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/**
 * The caller's `fetch` if given, else the platform's, else (Node only) `cross-fetch`, loaded
 * only when the runtime has no `fetch` of its own, so modern runtimes never pay for it.
 */
export function resolveFetch(custom?: FetchLike): () => Promise<FetchLike> {
  if (custom) return () => Promise.resolve(custom)
  if (typeof globalThis.fetch === 'function') {
    const global: FetchLike = (input, init) => globalThis.fetch(input, init)
    return () => Promise.resolve(global)
  }
  let loaded: Promise<FetchLike> | undefined
  return () =>
    (loaded ??=
      platform.fallbackFetch() ??
      Promise.reject(new WandbError('this runtime has no fetch: pass new Api({ fetch })')))
}
