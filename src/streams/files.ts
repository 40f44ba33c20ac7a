import { mergeMap, tap, type Observable } from 'rxjs'
import type { RunPath } from '../api/run-path.js'
import { decode } from '../codecs/decode.js'
import { RunFilesResponse, toRunFile, type RunFile } from '../codecs/run-file-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { cursorPages, type CursorPage } from './cursor-pages.js'
import { fromAbortable } from './from-abortable.js'
import { resolveRun, runPathString, type ResolvedRun } from './resolved-run.js'
import { sendGraphql } from './send-graphql.js'

/**
 * Options of {@link files}, named as in Python's `run.files(names, per_page)`.
 *
 * @example
 * ```ts
 * const options: FilesOptions = { pattern: '%.json', perPage: 100 }
 * ```
 */
export interface FilesOptions {
  /** Only these exact names. Not combinable with `pattern`. */
  readonly names?: readonly string[] | undefined
  /** SQL `LIKE` pattern on the name, e.g. `'%.json'`. Not combinable with `names`. */
  readonly pattern?: string | undefined
  /** Files per request (`fileLimit`). Default 50. */
  readonly perPage?: number | undefined
}

/** PROTOCOL.md §6: paged with `fileCursor` / `fileLimit`, not cursor / perPage. */
const RUN_FILES_QUERY = `query RunFiles($project: String!, $entity: String!, $name: String!, $fileCursor: String,
  $fileLimit: Int = 50, $fileNames: [String] = [], $upload: Boolean = false, $pattern: String) {
  project(name: $project, entityName: $entity) { run(name: $name) { fileCount
    files(names: $fileNames, after: $fileCursor, first: $fileLimit, pattern: $pattern) {
      edges { node { id name url(upload: $upload) directUrl sizeBytes mimetype updatedAt md5 } cursor }
      pageInfo { endCursor hasNextPage } } } } }`

/**
 * The files saved with a run, page by page (one request per `perPage` files, at most one page
 * prefetched). Lazy and cancellable like every stream here. A missing run is a `NotFoundError`.
 *
 * @example
 * ```ts
 * api.run('team/mnist/1a2b3c').files({ pattern: '%.json' }).subscribe((f) => console.log(f.name, f.sizeBytes))
 * // Python: [f for f in run.files() if f.name.endswith('.json')]
 * ```
 */
export function files(
  ctx: ApiContext,
  path: RunPath | ResolvedRun,
  options: FilesOptions = {},
): Observable<RunFile> {
  const { names, pattern, perPage = 50 } = options
  if (names !== undefined && pattern !== undefined)
    throw new TypeError('files: pass names or pattern, not both')
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be an integer ≥ 1, got ${perPage}`)
  const stats = ctx.http.stats
  return fromAbortable(async function* (signal) {
    const run = await resolveRun(ctx, path)
    const load = async (cursor: string | null, signal: AbortSignal): Promise<CursorPage<RunFile>> => {
      const variables = {
        entity: run.entity,
        project: run.project,
        name: run.id,
        fileCursor: cursor,
        fileLimit: perPage,
        fileNames: names ?? [],
        pattern,
      }
      const data = await sendGraphql(ctx, { query: RUN_FILES_QUERY, variables, signal })
      const { project } = decode(RunFilesResponse, data, 'RunFiles')
      if (!project) throw new NotFoundError('project', `${run.entity}/${run.project}`)
      if (!project.run) throw new NotFoundError('run', runPathString(run))
      const { edges, pageInfo } = project.run.files
      const last = edges[edges.length - 1]?.cursor ?? pageInfo.endCursor ?? cursor
      return { items: edges.map((e) => toRunFile(e.node)), cursor: last, hasNextPage: pageInfo.hasNextPage }
    }
    yield* cursorPages(load, null, signal)
  }).pipe(
    tap((page) => (stats.rows += page.items.length)),
    mergeMap((page) => page.items),
  )
}
