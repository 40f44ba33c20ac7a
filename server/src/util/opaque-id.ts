/**
 * GraphQL "storage ids". W&B's run id is base64 of `Run:v1:<name>:<project>:<entity>`; the
 * other node ids here follow the same `Type:v1:...` pattern.
 */
export function encodeId(type: string, ...parts: readonly (string | number)[]): string {
  return Buffer.from([type, 'v1', ...parts].join(':'), 'utf8').toString('base64')
}

/** Decodes an id of `type`, or returns undefined when it is not one. */
export function decodeId(type: string, id: string): string[] | undefined {
  const text = Buffer.from(id, 'base64').toString('utf8')
  const prefix = `${type}:v1:`
  return text.startsWith(prefix) ? text.slice(prefix.length).split(':') : undefined
}

/** Run ids: entity and project names never contain ':' (validated), so split from the right. */
export function decodeRunId(id: string): { name: string; project: string; entity: string } | undefined {
  const parts = decodeId('Run', id)
  if (!parts || parts.length < 3) return undefined
  const entity = parts.pop() as string
  const project = parts.pop() as string
  return { name: parts.join(':'), project, entity }
}
