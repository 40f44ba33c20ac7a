import { AuthError } from '../errors/auth-error.js'
import { ParquetHistoryError } from '../errors/parquet-history-error.js'

/** A URL without its query string and fragment: what stays the same when a URL is re-signed. */
export const urlPath = (url: string): string => {
  const parsed = new URL(url)
  return `${parsed.origin}${parsed.pathname}`
}

/**
 * The current signed URL of each export file, by path. A request answered 403 (an expired
 * signature) asks the server for fresh URLs once for everyone waiting, at most `maxRenewals`
 * times per scan, then gives up with `ParquetHistoryError('expired')`.
 *
 * @example
 * ```ts
 * const urls = new SignedUrls(exports.urls, async () => (await parquetExports(ctx, run))?.urls ?? [])
 * const response = await urls.send(urlPath(url), (signed) => ctx.http.request({ url: signed, credentials: 'omit' }))
 * ```
 *
 * @internal
 */
export class SignedUrls {
  readonly #current = new Map<string, string>()
  readonly #fetchFresh: () => Promise<readonly string[]>
  readonly #maxRenewals: number
  #renewals = 0
  #renewing: Promise<void> | undefined

  constructor(urls: readonly string[], fetchFresh: () => Promise<readonly string[]>, maxRenewals = 3) {
    this.#fetchFresh = fetchFresh
    this.#maxRenewals = maxRenewals
    this.#put(urls)
  }

  /** The files' paths (URLs without their signatures). */
  paths(): string[] {
    return [...this.#current.keys()]
  }

  /** Runs `request` with the path's current URL, renewing the URLs after a 403. */
  async send<T>(path: string, request: (url: string) => Promise<T>): Promise<T> {
    for (;;) {
      const url = this.#url(path)
      try {
        return await request(url)
      } catch (error) {
        if (!(error instanceof AuthError && error.status === 403)) throw error
        await this.#renew(path, url, error)
      }
    }
  }

  #url(path: string): string {
    const url = this.#current.get(path)
    if (url === undefined)
      throw new ParquetHistoryError('expired', 'the server no longer lists this export file', path)
    return url
  }

  async #renew(path: string, stale: string, cause: unknown): Promise<void> {
    if (this.#current.get(path) !== stale) return // renewed meanwhile by another request
    if (this.#renewing === undefined) {
      if (this.#renewals >= this.#maxRenewals) {
        const message = `still refused (HTTP 403) after ${this.#renewals} fresh signed URLs`
        throw new ParquetHistoryError('expired', message, path, { cause })
      }
      this.#renewals++
      this.#renewing = this.#fetchFresh()
        .then((urls) => this.#put(urls))
        .finally(() => (this.#renewing = undefined))
    }
    await this.#renewing
  }

  #put(urls: readonly string[]): void {
    for (const url of urls) this.#current.set(urlPath(url), url)
  }
}
