import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * HMAC-signed, expiring URLs: upload URLs handed out by `createRunFiles` and the `directUrl` of
 * files. They need no API key (like S3/GCS signed URLs), so the signature is the only guard.
 */
export class UrlSigner {
  constructor(
    private readonly secret: string,
    readonly ttlSeconds = 3600,
  ) {}

  /** Query string `exp=<unix s>&sig=<hmac>` for `purpose` + `subject` (e.g. 'get', file id). */
  sign(purpose: string, subject: string | number, nowMs = Date.now()): string {
    const exp = Math.floor(nowMs / 1000) + this.ttlSeconds
    return `exp=${exp}&sig=${this.#mac(purpose, subject, exp)}`
  }

  verify(purpose: string, subject: string | number, query: URLSearchParams, nowMs = Date.now()): boolean {
    const exp = Number(query.get('exp'))
    const sig = query.get('sig') ?? ''
    if (!Number.isInteger(exp) || exp * 1000 < nowMs) return false
    const expected = Buffer.from(this.#mac(purpose, subject, exp))
    const given = Buffer.from(sig)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  #mac(purpose: string, subject: string | number, exp: number): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${subject}\n${exp}`).digest('base64url')
  }
}
