/** The `fetch` signature wandb-rx needs; inject your own (tests, proxies, instrumentation). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/**
 * The caller's `fetch` if given, else the platform's, else `cross-fetch` (loaded only when the
 * platform has none, so modern runtimes never pay for it).
 */
export function resolveFetch(custom?: FetchLike): () => Promise<FetchLike> {
  if (custom) return () => Promise.resolve(custom)
  if (typeof globalThis.fetch === 'function') {
    const platform: FetchLike = (input, init) => globalThis.fetch(input, init)
    return () => Promise.resolve(platform)
  }
  let loaded: Promise<FetchLike> | undefined
  return () => (loaded ??= import('cross-fetch').then((m) => m.default as unknown as FetchLike))
}
