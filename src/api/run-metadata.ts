import type { ApiContext } from '../internal/api-context.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { ResponseDecodeError } from '../errors/response-decode-error.js'
import { parseExtendedJson } from '../internal/extended-json.js'
import { file } from '../streams/file.js'
import { resolveRun } from '../streams/resolved-run.js'
import { openRunFile } from './open-run-file.js'
import type { RunPath } from './run-path.js'

/**
 * The run's system metadata (`wandb-metadata.json`: host, OS, Python, GPU, git, args, …), or
 * `undefined` when the run has no such file, as Python's `run.metadata` gives `None`.
 * Transport errors and a file that is not a JSON object are thrown, not swallowed.
 *
 * @example
 * ```ts
 * const meta = await api.run('team/mnist/1a2b3c').metadata()
 * meta?.host // 'gpu-box-3'
 * ```
 */
export async function runMetadata(
  ctx: ApiContext,
  path: RunPath,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Readonly<Record<string, unknown>> | undefined> {
  const run = await resolveRun(ctx, path)
  const found = await file(ctx, run, 'wandb-metadata.json', options).catch((error: unknown) => {
    if (error instanceof NotFoundError && error.resource === 'file') return undefined
    throw error
  })
  if (!found) return undefined
  const response = await openRunFile(ctx, found, { signal: options.signal })
  const text = await response.text()
  let value: unknown
  try {
    value = parseExtendedJson(text)
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause)
    throw new ResponseDecodeError('wandb-metadata.json', [
      { path: '', expected: 'JSON', actual: text.slice(0, 80), message },
    ])
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ResponseDecodeError('wandb-metadata.json', [
      { path: '', expected: 'a JSON object', actual: value },
    ])
  }
  return Object.freeze(value as Record<string, unknown>)
}
