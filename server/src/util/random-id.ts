import { randomBytes } from 'node:crypto'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A W&B-style short run id: 8 lowercase alphanumerics. */
export function randomRunId(): string {
  return Array.from(randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join('')
}

/** A W&B-format API key: `local-` + 40 url-safe characters (`[A-Za-z0-9_-]`). */
export function randomApiKey(): string {
  return `local-${randomBytes(30).toString('base64url')}`
}
