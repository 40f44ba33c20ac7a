import { parseRunPath, type RunPath } from './run-path.js'

/**
 * Parses a sweep path like Python's `api.sweep()` (`e/p/id`, `e/p/sweeps/id`, `p/id`, `id`, an
 * app URL), except that a plain three-part `e/p/id` is taken as it is: the Python parser's
 * `/sweeps/` stripping would otherwise eat a project that is itself named `sweeps` or `runs`.
 *
 * @example
 * ```ts
 * parseSweepPath('team/sweeps/abc123')        // { entity: 'team', project: 'sweeps', id: 'abc123' }
 * parseSweepPath('team/mnist/sweeps/abc123')  // { entity: 'team', project: 'mnist', id: 'abc123' }
 * ```
 */
export function parseSweepPath(path: string): RunPath {
  const parts =
    typeof path === 'string'
      ? path
          .trim()
          .replace(/^\/+|\/+$/g, '')
          .split('/')
      : []
  const plain =
    !/^[a-z][a-z0-9+.-]*:\/\//i.test(path) &&
    parts.length === 3 &&
    parts.every((p) => p.trim() !== '' && !p.includes(':'))
  if (plain) return { entity: parts[0]?.trim(), project: parts[1]?.trim(), id: (parts[2] ?? '').trim() }
  return parseRunPath(path)
}
