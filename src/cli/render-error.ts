/**
 * Renders an error as the one line the CLI prints (`wandb-rx: AuthError: …`), or with its stack
 * and causes under `--debug`. Every secret passed in is replaced by `***` first: errors never
 * carry the key by design, and this makes sure a message echoing user input cannot either.
 *
 * @example
 * ```ts
 * renderError(new Error('bad key abc123'), { secrets: ['abc123'] }) // 'wandb-rx: Error: bad key ***'
 * ```
 */
export function renderError(
  error: unknown,
  options: { debug?: boolean; secrets?: readonly (string | undefined)[] } = {},
): string {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4)
  const redact = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('***'), text)
  if (!(error instanceof Error)) return redact(`wandb-rx: ${String(error)}`)
  const line = `wandb-rx: ${error.name}: ${error.message.split('\n')[0] ?? ''}`
  if (!options.debug) return redact(line)
  const parts = [error.stack ?? line]
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause)
    parts.push(`caused by: ${cause.stack ?? cause.message}`)
  return redact(parts.join('\n'))
}
