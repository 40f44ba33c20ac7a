import { filter } from 'rxjs'
import type { RunPath } from '../api/run-path.js'
import type { RunFile } from '../codecs/run-file-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { files } from './files.js'
import { firstOrUndefined } from './first-or-undefined.js'
import { resolveRun, runPathString, type ResolvedRun } from './resolved-run.js'

/**
 * One file of a run by exact name (`files({ names: [name] })`'s first). Rejects with
 * `NotFoundError` (`resource: 'file'`) when the run has no such file.
 *
 * @example
 * ```ts
 * const f = await api.run('team/mnist/1a2b3c').file('config.yaml')
 * console.log(f.sizeBytes, f.md5)
 * ```
 */
export async function file(
  ctx: ApiContext,
  path: RunPath | ResolvedRun,
  name: string,
  options: { readonly signal?: AbortSignal | undefined } = {},
): Promise<RunFile> {
  const run = await resolveRun(ctx, path)
  // The name must match exactly, whatever matching the server does.
  const exact = files(ctx, run, { names: [name] }).pipe(filter((f) => f.name === name))
  const found = await firstOrUndefined(exact, options.signal)
  if (found === undefined) throw new NotFoundError('file', `${runPathString(run)}/${name}`)
  return found
}
