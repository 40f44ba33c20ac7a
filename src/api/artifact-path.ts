import { PathError } from '../errors/path-error.js'

/**
 * The prefix of registry projects: registry `model` is project `wandb-registry-model`.
 *
 * @example
 * ```ts
 * `${REGISTRY_PREFIX}model` // 'wandb-registry-model'
 * ```
 */
export const REGISTRY_PREFIX = 'wandb-registry-'

/**
 * An artifact path as given; missing parts come from the `Api` defaults.
 *
 * @example
 * ```ts
 * const p: ArtifactPath = parseArtifactPath('team/mnist/digits:best')
 * ```
 */
export interface ArtifactPath {
  /** Entity, or for registry projects the organization (or its org entity). */
  readonly entity: string | undefined
  readonly project: string | undefined
  /** The collection (sequence or portfolio) name. */
  readonly collection: string
  /** Alias or version after the `:` (`latest`, `v3`, `best`); undefined: none given. */
  readonly alias: string | undefined
}

/**
 * Parses `name[:alias]`, `project/name[:alias]` or `entity/project/name[:alias]` the way the
 * Python SDK does (`ArtifactPath.from_str`): split at the first `:` first (the alias may contain
 * `/`), then the rest on `/`.
 *
 * @example
 * ```ts
 * parseArtifactPath('team/mnist/digits:v3') // { entity: 'team', project: 'mnist', collection: 'digits', alias: 'v3' }
 * parseArtifactPath('digits')               // { entity: undefined, project: undefined, collection: 'digits', alias: undefined }
 * ```
 */
export function parseArtifactPath(path: string): ArtifactPath {
  if (typeof path !== 'string' || path.trim() === '')
    throw new PathError(String(path), 'the artifact name is empty')
  const text = path.trim()
  const colon = text.indexOf(':')
  const head = colon < 0 ? text : text.slice(0, colon)
  const alias = colon < 0 ? undefined : text.slice(colon + 1)
  if (alias !== undefined && alias === '') throw new PathError(path, 'missing alias or version after ":"')
  const parts = head.split('/')
  if (parts.some((p) => p.trim() === '')) throw new PathError(path, 'an artifact path part is empty')
  if (parts.length > 3) {
    throw new PathError(
      path,
      `an artifact path is name, project/name or entity/project/name, got ${parts.length} parts`,
    )
  }
  const [a, b, c] = parts.map((p) => p.trim())
  if (parts.length === 1) return { entity: undefined, project: undefined, collection: a as string, alias }
  if (parts.length === 2) return { entity: undefined, project: a, collection: b as string, alias }
  return { entity: a, project: b, collection: c as string, alias }
}

/**
 * Whether a project is a registry (`wandb-registry-<name>`, the bare prefix is not).
 *
 * @example
 * ```ts
 * isRegistryProject('wandb-registry-model') // true
 * ```
 */
export const isRegistryProject = (project: string | undefined): boolean =>
  project !== undefined && project.startsWith(REGISTRY_PREFIX) && project !== REGISTRY_PREFIX
