import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { FieldPathNode } from '../nodes/field-path-node.js'
import { FIELD_NAME_HINTS } from './field-name-hints.js'

/** Run fields holding user data: any key below them is a valid path. */
const OPEN_ROOTS = new Set(['config', 'summary', 'systemMetrics'])
/** Run fields with fixed sub-fields. */
const CLOSED_ROOTS: Readonly<Record<string, ReadonlySet<string>>> = { user: new Set(['name', 'username']) }
/** Scalar or Date Run fields: no sub-paths (`tags` takes an array index). */
const LEAF_ROOTS = new Set([
  'id',
  'name',
  'storageId',
  'entity',
  'project',
  'path',
  'url',
  'state',
  'notes',
  'group',
  'jobType',
  'sweepName',
  'commit',
  'createdAt',
  'heartbeatAt',
  'historyLineCount',
  'lastHistoryStep',
])

const isIndex = (segment: string) => /^\d+$/.test(segment)

/**
 * Parses and validates a path in Run field names: a dotted string (every `.` descends) or an array
 * of literal segments (for keys that contain dots).
 *
 * Unknown roots fail with a hint: `summary_metrics.loss` suggests `summary.<key>`.
 *
 * @example
 * ```ts
 * parseFieldPath('summary.eval/loss', 'summary.eval/loss').segments // ['summary', 'eval/loss']
 * parseFieldPath(['config', 'xprun.name'], 'config').segments       // ['config', 'xprun.name']
 * parseFieldPath('summary_metrics.loss', 'summary_metrics.loss')
 * // throws FilterCompileError: unknown Run field 'summary_metrics': use summary.<key> …
 * ```
 */
export function parseFieldPath(path: string | readonly string[], at: string): FieldPathNode {
  const segments = typeof path === 'string' ? path.split('.') : [...path]
  if (segments.length === 0) throw new FilterCompileError(at, 'empty field path')
  segments.forEach((segment, i) => {
    if (typeof segment !== 'string' || segment === '')
      throw new FilterCompileError(at, `empty segment ${i} in field path ${JSON.stringify(path)}`)
    if (segment.startsWith('$'))
      throw new FilterCompileError(
        at,
        `field names cannot start with '$' (${segment}); operators go inside { field: { $op: value } }`,
      )
    if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype')
      throw new FilterCompileError(at, `'${segment}' is not a valid field name`)
  })
  const [root = '', ...rest] = segments
  if (root.includes('.')) throw new FilterCompileError(at, `'${root}' is not a Run field`)
  if (OPEN_ROOTS.has(root)) return FieldPathNode.create(segments)
  const closed = CLOSED_ROOTS[root]
  if (closed) {
    if (rest.length > 1 || (rest[0] !== undefined && !closed.has(rest[0])))
      throw new FilterCompileError(at, `${root} has only the fields ${[...closed].join(', ')}`)
    return FieldPathNode.create(segments)
  }
  if (root === 'tags') {
    if (rest.length > 1 || (rest[0] !== undefined && !isIndex(rest[0])))
      throw new FilterCompileError(
        at,
        `tags is an array of strings: filter it with { tags: 'x' } or f.tags.contains('x')`,
      )
    return FieldPathNode.create(segments)
  }
  if (LEAF_ROOTS.has(root)) {
    if (rest.length > 0) throw new FilterCompileError(at, `${root} has no sub-fields`)
    return FieldPathNode.create(segments)
  }
  const hint = FIELD_NAME_HINTS[root]
  throw new FilterCompileError(
    at,
    `unknown Run field '${root}'` +
      (hint
        ? `: filters use the Run's field names, write ${hint}`
        : `: expected a Run field such as summary.<key>, config.<key>, state, tags, createdAt`),
  )
}
