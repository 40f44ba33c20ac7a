/**
 * A URL fit for an error message: query values (signed-URL tokens) and any user-info are replaced.
 *
 * @example
 * ```ts
 * redactUrl('https://s3.example/f?X-Amz-Signature=abc') // 'https://s3.example/f?X-Amz-Signature=REDACTED'
 * ```
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, 'REDACTED')
    return parsed.toString()
  } catch {
    return '(unparseable URL)'
  }
}

/** Replaces every occurrence of each secret (and its Basic-auth encoding) in `text`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  for (const secret of secrets) {
    if (!secret) continue
    for (const form of [secret, btoa(`api:${secret}`)]) out = out.split(form).join('REDACTED')
  }
  return out
}
