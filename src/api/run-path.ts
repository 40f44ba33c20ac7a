import { PathError } from '../errors/path-error.js'

/** A run path with the parts the user gave; missing parts come from the `Api` defaults. */
export interface RunPath {
  readonly entity: string | undefined
  readonly project: string | undefined
  readonly id: string
}

/** A project path; a missing entity comes from the `Api` default. */
export interface ProjectPath {
  readonly entity: string | undefined
  readonly project: string
}

/**
 * Parses a run path the way the Python SDK does (`e/p/id`, `e/p/runs/id`, `e/p:id`, `p/id`,
 * `p:id`, `id`) and, beyond it, app URLs such as `https://wandb.ai/e/p/runs/id?workspace=x`.
 *
 * @example
 * ```ts
 * parseRunPath('team/mnist/runs/1a2b3c') // { entity: 'team', project: 'mnist', id: '1a2b3c' }
 * parseRunPath('mnist:1a2b3c')           // { entity: undefined, project: 'mnist', id: '1a2b3c' }
 * ```
 */
export function parseRunPath(path: string): RunPath {
  const parts = splitPath(path, 'run')
  if (parts.length === 1 && parts[0]?.includes(':')) {
    const [project, id] = splitColon(path, parts[0])
    return { entity: undefined, project, id }
  }
  if (parts.length === 2 && parts[1]?.includes(':')) {
    const [project, id] = splitColon(path, parts[1])
    return { entity: parts[0], project, id }
  }
  if (parts.length === 1) return { entity: undefined, project: undefined, id: parts[0] as string }
  if (parts.length === 2) return { entity: undefined, project: parts[0], id: parts[1] as string }
  if (parts.length === 3) return { entity: parts[0], project: parts[1], id: parts[2] as string }
  throw new PathError(path, `a run path has at most 3 parts (entity/project/id), got ${parts.length}`)
}

/**
 * Parses `project` or `entity/project` (or an app URL of a project).
 *
 * @example
 * ```ts
 * parseProjectPath('team/mnist') // { entity: 'team', project: 'mnist' }
 * ```
 */
export function parseProjectPath(path: string): ProjectPath {
  const parts = splitPath(path, 'project')
  if (parts.length === 1) return { entity: undefined, project: parts[0] as string }
  if (parts.length === 2) return { entity: parts[0], project: parts[1] as string }
  throw new PathError(path, `a project path is "project" or "entity/project", got ${parts.length} parts`)
}

/** Strips an app URL down to its path, splits it, drops a `runs`/`sweeps` segment and checks the parts. */
function splitPath(path: string, kind: string): string[] {
  if (typeof path !== 'string') throw new PathError(String(path), `expected a ${kind} path string`)
  let text = path.trim()
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      text = decodeURIComponent(new URL(text).pathname)
    } catch {
      throw new PathError(path, 'not a valid URL')
    }
  }
  text = text.replace(/^[\s/]+|[\s/]+$/g, '')
  if (text === '') throw new PathError(path, `the ${kind} path is empty`)
  const parts = text.split('/').map((p) => p.trim())
  // `e/p/runs/id` and `e/p/sweeps/id` name the same thing as `e/p/id`. Unlike Python, only the
  // third of four parts is dropped, so a project really named `runs` (`e/runs/id`) still works.
  if (parts.length === 4 && (parts[2] === 'runs' || parts[2] === 'sweeps')) parts.splice(2, 1)
  const empty = parts.findIndex((p) => p === '')
  if (empty >= 0)
    throw new PathError(
      path,
      `part ${empty + 1} is empty (missing ${['entity', 'project', 'id'][empty] ?? 'a part'})`,
    )
  return parts
}

function splitColon(path: string, part: string): [string, string] {
  const [project = '', id = '', ...rest] = part.split(':').map((p) => p.trim())
  if (rest.length > 0) throw new PathError(path, 'more than one ":" in the path')
  if (project === '') throw new PathError(path, 'missing project before ":"')
  if (id === '') throw new PathError(path, 'missing run id after ":"')
  return [project, id]
}
