import { AuthError } from '../errors/auth-error.js'
import { GraphQLResponseError, type GraphQLErrorEntry } from '../errors/graphql-response-error.js'
import { RateLimitError } from '../errors/rate-limit-error.js'
import { ResponseDecodeError } from '../errors/response-decode-error.js'
import { WandbError } from '../errors/wandb-error.js'
import { TransportError, type TransportErrorData } from '../errors/transport-error.js'
import { parseExtendedJson } from '../internal/extended-json.js'
import { parseJsonPieces } from '../internal/json-pieces.js'
import { VERSION } from '../version.js'
import { abortableSleep } from './abortable-sleep.js'
import { AdaptiveSlots } from './adaptive-slots.js'
import { isUnderBaseUrl } from './credential-scope.js'
import { isRateLimitLike } from './graphql-error-kind.js'
import { isPushback } from './pushback.js'
import { RateLimiter } from './rate-limiter.js'
import { redactSecrets, redactUrl } from './redact.js'
import { parseRetryAfter } from './retry-after.js'
import { backoffDelay, isRetryableStatus, retryPolicy, type RetryPolicy } from './retry-policy.js'
import { readTextPieces } from './read-text-pieces.js'
import { resolveFetch, type FetchLike } from './resolve-fetch.js'
import { TransportStats } from './transport-stats.js'

/** How an `HttpClient` reaches the server. Built by `Api` from its options. */
export interface HttpClientOptions {
  /** The API base URL, without a trailing slash. */
  readonly baseUrl: string
  /** Resolves the API key (lazily, once per request); `undefined` sends no credentials. */
  readonly apiKey: () => Promise<string | undefined>
  readonly fetch?: FetchLike | undefined
  readonly retry?: Partial<RetryPolicy> | undefined
  /** Per-attempt timeout. Default 30 s. */
  readonly timeoutMs?: number | undefined
  /** Overall deadline of one call, retries included. Default 5 min. */
  readonly deadlineMs?: number | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly limiter?: RateLimiter | undefined
  /** Upper bound of the adaptive request slots (`slots`). Default 16. */
  readonly maxConcurrency?: number | undefined
  readonly stats?: TransportStats | undefined
  /** Jitter source; tests pin it. */
  readonly random?: (() => number) | undefined
}

/** One HTTP call. `url` is absolute or relative to the base URL (`/files/...`). */
export interface HttpRequest {
  readonly url: string
  readonly method?: string
  readonly body?: string | Uint8Array | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly signal?: AbortSignal | undefined
  /** May the call be repeated safely? Default: true for GET, HEAD and PUT, false otherwise. */
  readonly idempotent?: boolean | undefined
  readonly operation?: string | undefined
  readonly retry?: Partial<RetryPolicy> | undefined
  /** `'omit'`: never send the API key, even under the base URL (signed URLs are their own auth). */
  readonly credentials?: 'omit' | undefined
}

/** One GraphQL call. Queries are retried by default; mutations only when marked idempotent. */
export interface GraphQLRequest {
  readonly query: string
  readonly variables?: Readonly<Record<string, unknown>> | undefined
  readonly operationName?: string | undefined
  readonly signal?: AbortSignal | undefined
  readonly idempotent?: boolean | undefined
}

/** Thrown inside one attempt: the error, and whether another attempt may fix it. */
class AttemptFailure {
  constructor(
    readonly error: TransportError | ResponseDecodeError,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {}
}

const EXCERPT_CHARS = 500
const MAX_REDIRECTS = 5
const IN_BROWSER = typeof (globalThis as { document?: unknown }).document !== 'undefined'

/**
 * GraphQL and file HTTP over `fetch`, with W&B's auth, retry policy, timeouts, a shared rate
 * limiter and typed errors. The API key goes only to URLs under the base URL, and never into an
 * error.
 *
 * @example
 * ```ts
 * const http = new HttpClient({ baseUrl: 'https://api.wandb.ai', apiKey: async () => key })
 * const data = await http.graphql({ query: 'query Viewer { viewer { id entity } }' })
 * ```
 */
export class HttpClient {
  readonly baseUrl: string
  readonly stats: TransportStats
  readonly limiter: RateLimiter
  /** Adaptive request slots shared by every concurrent stream of this client (history windows, downloads). */
  readonly slots: AdaptiveSlots
  readonly #options: HttpClientOptions
  readonly #fetch: () => Promise<FetchLike>
  readonly #policy: RetryPolicy
  /** The last resolved key, kept only to scrub it from error excerpts. */
  #key: string | undefined

  constructor(options: HttpClientOptions) {
    this.#options = options
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    if (!URL.canParse(this.baseUrl) || !/^https?:$/.test(new URL(this.baseUrl).protocol)) {
      throw new WandbError(`invalid baseUrl ${JSON.stringify(options.baseUrl)}: expected an http(s) URL`)
    }
    this.stats = options.stats ?? new TransportStats()
    this.limiter = options.limiter ?? new RateLimiter({}, this.stats)
    this.slots = new AdaptiveSlots({ max: options.maxConcurrency ?? 16 }, this.stats)
    this.#fetch = resolveFetch(options.fetch)
    this.#policy = retryPolicy(options.retry)
  }

  /** Sends a GraphQL document and returns its `data`, or throws a typed error. */
  async graphql(request: GraphQLRequest): Promise<unknown> {
    const operation = request.operationName ?? operationNameOf(request.query)
    const idempotent = request.idempotent ?? !/^\s*mutation\b/.test(stripComments(request.query))
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables ?? {},
      operationName: operation,
    })
    const url = `${this.baseUrl}/graphql`
    const meta = { method: 'POST', url, operation }
    return this.#withRetries(meta, idempotent, this.#policy, request.signal, async (signal) => {
      const response = await this.#send(url, { method: 'POST', body, headers: JSON_HEADERS }, signal, meta)
      const pieces = await readBodyPieces(response, meta, signal)
      let payload: unknown
      try {
        payload = parseJsonPieces(pieces, parseExtendedJson)
      } catch (cause) {
        const excerpt = this.#redact(pieces.join('').slice(0, EXCERPT_CHARS))
        const error = new TransportError(
          { ...meta, url: redactUrl(url), status: response.status, response: excerpt, cause },
          `${operation ?? 'GraphQL'} response is not JSON: ${JSON.stringify(excerpt.slice(0, 80))}`,
        )
        throw new AttemptFailure(error, true)
      }
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
        throw new AttemptFailure(
          new ResponseDecodeError(operation ?? 'GraphQL', [
            { path: '', expected: 'a JSON object', actual: payload },
          ]),
          false,
        )
      }
      const { data, errors } = payload as { data?: unknown; errors?: unknown }
      if (Array.isArray(errors) && errors.length > 0) {
        const entries = errors.map(toErrorEntry)
        const error = new GraphQLResponseError({
          ...meta,
          url: redactUrl(url),
          status: response.status,
          errors: entries,
        })
        throw new AttemptFailure(error, isRateLimitLike(entries))
      }
      return data ?? null
    })
  }

  /**
   * Sends one HTTP request (resolved against the base URL when relative) and returns the 2xx
   * `Response` with its body unread, for streaming downloads and uploads.
   */
  async request(request: HttpRequest): Promise<Response> {
    const url = request.url.startsWith('/') ? `${this.baseUrl}${request.url}` : request.url
    const method = request.method ?? 'GET'
    const idempotent = request.idempotent ?? ['GET', 'HEAD', 'PUT'].includes(method)
    const meta = { method, url, operation: request.operation }
    const policy = request.retry ? retryPolicy({ ...this.#policy, ...request.retry }) : this.#policy
    const init = {
      method,
      body: request.body,
      headers: request.headers ?? {},
      omitCredentials: request.credentials === 'omit',
    }
    return this.#withRetries(
      meta,
      idempotent,
      policy,
      request.signal,
      (signal) => this.#send(url, init, signal, meta),
      true,
    )
  }

  async #withRetries<T>(
    meta: { method: string; url: string; operation: string | undefined },
    idempotent: boolean,
    policy: RetryPolicy,
    signal: AbortSignal | undefined,
    attempt: (signal: AbortSignal) => Promise<T>,
    keepLinked = false,
  ): Promise<T> {
    const deadline = Date.now() + (this.#options.deadlineMs ?? 300_000)
    for (let retry = 0; ; retry++) {
      try {
        throwIfAborted(signal, meta)
        await this.limiter.acquire(signal).catch(() => throwIfAborted(signal, meta))
        return await this.#withTimeout(deadline, signal, meta, attempt, keepLinked)
      } catch (thrown) {
        const failure =
          thrown instanceof AttemptFailure
            ? thrown
            : new AttemptFailure(asTransportError(thrown, meta), false)
        const delay = backoffDelay(retry, policy, failure.retryAfterMs, this.#options.random)
        const mayRetry = failure.retryable && idempotent && retry < policy.retries && !signal?.aborted
        if (!mayRetry || Date.now() + delay >= deadline) {
          this.stats.failures++
          throw failure.error
        }
        this.stats.retries++
        try {
          await abortableSleep(delay, signal)
        } catch {
          throwIfAborted(signal, meta)
        }
      }
    }
  }

  /**
   * Runs one attempt under its own timeout, linked to the caller's signal. The link is removed
   * when the attempt ends, except after a successful `request()` (`keepLinked`), whose body the
   * caller still reads and may still abort.
   */
  async #withTimeout<T>(
    deadline: number,
    outer: AbortSignal | undefined,
    meta: { method: string; url: string; operation: string | undefined },
    attempt: (signal: AbortSignal) => Promise<T>,
    keepLinked: boolean,
  ): Promise<T> {
    let succeeded = false
    const controller = new AbortController()
    const timeoutMs = Math.max(1, Math.min(this.#options.timeoutMs ?? 30_000, deadline - Date.now()))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new Error(`timed out after ${timeoutMs} ms`))
    }, timeoutMs)
    const onAbort = () => controller.abort(outer?.reason)
    outer?.addEventListener('abort', onAbort, { once: true })
    try {
      const result = await attempt(controller.signal)
      succeeded = true
      return result
    } catch (error) {
      if (error instanceof AttemptFailure) throw error
      throwIfAborted(outer, meta)
      const transportError = asTransportError(
        error,
        meta,
        timedOut ? `timed out after ${timeoutMs} ms` : undefined,
      )
      throw new AttemptFailure(transportError, true)
    } finally {
      clearTimeout(timer)
      if (!(keepLinked && succeeded)) outer?.removeEventListener('abort', onAbort)
    }
  }

  /** One fetch, following redirects by hand so credentials never leave the base URL. */
  async #send(
    url: string,
    init: {
      method: string
      body?: string | Uint8Array | undefined
      headers: Readonly<Record<string, string>>
      omitCredentials?: boolean
    },
    signal: AbortSignal,
    meta: { method: string; url: string; operation: string | undefined },
  ): Promise<Response> {
    const fetchImpl = await this.#fetch()
    const key = init.omitCredentials ? undefined : await this.#options.apiKey()
    if (!init.omitCredentials) this.#key = key
    if (!URL.canParse(url)) {
      // A malformed URL is the caller's mistake: fail at once instead of retrying it for minutes.
      const error = new TransportError(
        { ...meta, status: 0, url: '(invalid URL)' },
        `invalid URL: ${redactUrl(url)}`,
      )
      throw new AttemptFailure(error, false)
    }
    let target = url
    for (let hop = 0; ; hop++) {
      const credentialed = key !== undefined && isUnderBaseUrl(target, this.baseUrl)
      const headers: Record<string, string> = { ...this.#defaultHeaders(), ...init.headers }
      if (credentialed) headers['Authorization'] = `Basic ${btoa(`api:${key}`)}`
      this.stats.requests++
      const response = await fetchImpl(target, {
        method: init.method,
        headers,
        signal,
        ...(init.body === undefined ? {} : { body: init.body as BodyInit }),
        redirect: credentialed && !IN_BROWSER ? 'manual' : 'follow',
      })
      this.limiter.observe(response.status, response.headers)
      if (isPushback(response.status, response.headers)) this.slots.pushback()
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
        await response.body?.cancel().catch(() => undefined)
        target = new URL(location, target).toString()
        continue
      }
      if (response.ok) {
        const length = Number(response.headers.get('content-length'))
        // A HEAD's Content-Length is the size of a body that never comes.
        if (Number.isFinite(length) && init.method !== 'HEAD') this.stats.bytesReceived += length
        return response
      }
      throw await this.#failure(response, { ...meta, url: target }, signal)
    }
  }

  async #failure(
    response: Response,
    meta: { method: string; url: string; operation: string | undefined },
    signal: AbortSignal,
  ): Promise<AttemptFailure> {
    const text = (await readBodyPieces(response, meta, signal).catch(() => [])).join('')
    const data: TransportErrorData = {
      status: response.status,
      method: meta.method,
      url: redactUrl(meta.url),
      operation: meta.operation,
      response: this.#redact(errorMessageOf(text)),
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
    const retryable = isRetryableStatus(response.status, this.#policy)
    if (response.status === 401) {
      const hint = 'the API key was not accepted: pass apiKey, or set WANDB_API_KEY, or add it to ~/.netrc'
      return new AttemptFailure(new AuthError(data, `${hint} (HTTP 401 from ${data.url})`), false)
    }
    if (response.status === 403) {
      return new AttemptFailure(
        new AuthError(
          data,
          `permission denied (HTTP 403) for ${data.url}${data.response ? `: ${data.response}` : ''}`,
        ),
        false,
      )
    }
    if (response.status === 429)
      return new AttemptFailure(new RateLimitError({ ...data, retryAfterMs }), retryable, retryAfterMs)
    const errors = graphQLErrorsOf(text)
    if (errors) return new AttemptFailure(new GraphQLResponseError({ ...data, errors }), retryable)
    return new AttemptFailure(
      new TransportError(data),
      retryable,
      response.status === 503 ? retryAfterMs : undefined,
    )
  }

  #defaultHeaders(): Record<string, string> {
    const headers: Record<string, string> = { 'X-Client': `wandb-rx/${VERSION}` }
    if (!IN_BROWSER) headers['User-Agent'] = `wandb-rx/${VERSION}`
    return { ...headers, ...this.#options.headers }
  }

  #redact(text: string): string {
    return redactSecrets(text, [this.#key])
  }
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' }

function operationNameOf(query: string): string | undefined {
  return /\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(stripComments(query))?.[1]
}

const stripComments = (query: string) => query.replace(/#[^\n]*/g, '')

/** The body as text pieces (`readTextPieces`); a broken connection is a retryable attempt failure. */
async function readBodyPieces(
  response: Response,
  meta: { method: string; url: string; operation: string | undefined },
  signal: AbortSignal,
): Promise<string[]> {
  try {
    return await readTextPieces(response)
  } catch (cause) {
    if (signal.aborted) throw cause
    const error = new TransportError(
      { ...meta, url: redactUrl(meta.url), status: response.status, cause },
      `${meta.method} ${redactUrl(meta.url)}: the connection broke while reading the response`,
    )
    throw new AttemptFailure(error, true)
  }
}

/** The server's own words from an error body (`{error}`, `{errors[]}` or text), shortened. */
function errorMessageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; errors?: unknown; message?: unknown }
    if (typeof body.error === 'string') return body.error.slice(0, EXCERPT_CHARS)
    if (typeof body.error === 'object' && body.error !== null && 'message' in body.error) {
      return String((body.error as { message: unknown }).message).slice(0, EXCERPT_CHARS)
    }
    if (Array.isArray(body.errors))
      return body.errors
        .map((e) => toErrorEntry(e).message)
        .join('; ')
        .slice(0, EXCERPT_CHARS)
    if (typeof body.message === 'string') return body.message.slice(0, EXCERPT_CHARS)
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, EXCERPT_CHARS)
}

/** GraphQL-over-HTTP servers answer invalid documents with a 4xx whose body is `{ errors: [...] }`. */
function graphQLErrorsOf(text: string): GraphQLErrorEntry[] | undefined {
  try {
    const body = JSON.parse(text) as { errors?: unknown }
    return Array.isArray(body.errors) && body.errors.length > 0 ? body.errors.map(toErrorEntry) : undefined
  } catch {
    return undefined
  }
}

function toErrorEntry(raw: unknown): GraphQLErrorEntry {
  if (typeof raw !== 'object' || raw === null) return { message: String(raw) }
  const e = raw as { message?: unknown; path?: unknown; extensions?: unknown }
  return {
    message: typeof e.message === 'string' ? e.message : JSON.stringify(raw),
    path: Array.isArray(e.path) ? (e.path as (string | number)[]) : undefined,
    extensions:
      typeof e.extensions === 'object' && e.extensions !== null
        ? (e.extensions as Record<string, unknown>)
        : undefined,
  }
}

function throwIfAborted(
  signal: AbortSignal | undefined,
  meta: { method: string; url: string; operation: string | undefined },
): void {
  if (!signal?.aborted) return
  throw new TransportError(
    {
      status: 0,
      method: meta.method,
      url: redactUrl(meta.url),
      operation: meta.operation,
      cause: signal.reason,
    },
    `${meta.operation ?? `${meta.method} ${redactUrl(meta.url)}`} was aborted`,
  )
}

function asTransportError(
  error: unknown,
  meta: { method: string; url: string; operation: string | undefined },
  reason?: string,
): TransportError | ResponseDecodeError {
  if (error instanceof TransportError || error instanceof ResponseDecodeError) return error
  const what = meta.operation ?? `${meta.method} ${redactUrl(meta.url)}`
  const detail = reason ?? (error instanceof Error ? error.message : String(error))
  return new TransportError(
    { status: 0, method: meta.method, url: redactUrl(meta.url), operation: meta.operation, cause: error },
    `${what} failed: ${detail}`,
  )
}
