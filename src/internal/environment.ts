/**
 * Reads an environment variable where the platform has them (Node, Bun, Deno with env access),
 * and `undefined` elsewhere (browsers) or when it is empty.
 */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
  const value = env?.[name]
  return value === undefined || value === '' ? undefined : value
}
