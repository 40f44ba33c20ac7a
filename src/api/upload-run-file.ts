import { platform } from '#platform'
import { CreateRunFilesResponse, parseUploadHeaders } from '../codecs/create-run-files-codec.js'
import { decode } from '../codecs/decode.js'
import type { RunFile } from '../codecs/run-file-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { WandbError } from '../errors/wandb-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { safeRelativePath } from '../internal/safe-relative-path.js'
import { file } from '../streams/file.js'
import { resolveRun, runPathString } from '../streams/resolved-run.js'
import { markRunFilesUploaded } from './mark-run-files-uploaded.js'
import type { RunPath } from './run-path.js'
import { sendRunMutation } from './send-run-mutation.js'

/** What {@link uploadRunFile} uploads: a local path (Node only) or the bytes themselves. */
export type UploadSource = string | Uint8Array | ArrayBuffer | Blob

/** Options of {@link uploadRunFile}. */
export interface UploadRunFileOptions {
  /** The file's name in the run (may contain `/`); default: the local file's base name. */
  readonly name?: string
  readonly signal?: AbortSignal
}

const CREATE_RUN_FILES_MUTATION = `mutation CreateRunFiles($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
  createRunFiles(input: {entityName: $entity, projectName: $project, runName: $run, files: $files}) {
    runID uploadHeaders files { name uploadUrl } }
}`

/**
 * Uploads one file to a run (Python `run.upload_file()`): `createRunFiles` hands out an upload
 * URL and headers, then the bytes are PUT there (a relative URL is resolved against the base URL
 * and sent with the API key; an absolute, signed URL never gets the key). Returns the file as the server lists it, `md5`
 * included. An existing file of that name is overwritten.
 *
 * Then `markRunFilesUploaded` registers the file, as Python 0.30 does where `serverInfo.features`
 * enables it (self-hosted servers need it; see {@link markRunFilesUploaded}).
 *
 * All steps are retried on transient failures: asking for the URL again and re-PUTting the
 * same bytes store the same thing. A local path is read whole into memory first.
 *
 * @example
 * ```ts
 * const f = await api.run('team/mnist/1a2b3c').uploadFile('./model.onnx')
 * await api.run('team/mnist/1a2b3c').uploadFile(new TextEncoder().encode('{"ok":1}'), { name: 'eval/result.json' })
 * f.md5 // base64 MD5 of the bytes, as the server computed it
 * ```
 */
export async function uploadRunFile(
  ctx: ApiContext,
  path: RunPath,
  source: UploadSource,
  options: UploadRunFileOptions = {},
): Promise<RunFile> {
  const { bytes, name } = await readSource(source, options.name)
  safeRelativePath(name)
  const run = await resolveRun(ctx, path)
  const variables = { entity: run.entity, project: run.project, run: run.id, files: [name] }
  const data = await sendRunMutation(ctx, run, {
    query: CREATE_RUN_FILES_MUTATION,
    variables,
    signal: options.signal,
    idempotent: true,
  })
  const payload = decode(CreateRunFilesResponse, data, 'CreateRunFiles').createRunFiles
  if (!payload?.runID) throw new NotFoundError('writable project', `${run.entity}/${run.project}`)
  const target = payload.files.find((f) => f.name === name)?.uploadUrl
  if (!target) throw new WandbError(`createRunFiles gave no upload URL for ${name} in ${runPathString(run)}`)
  await ctx.http.request({
    url: target,
    method: 'PUT',
    body: bytes,
    headers: parseUploadHeaders(payload.uploadHeaders ?? []),
    signal: options.signal,
    operation: `upload ${name}`,
    idempotent: true,
    // An absolute upload URL is signed (its own authorization); a relative one is an on-prem proxy path.
    ...(target.startsWith('/') ? {} : { credentials: 'omit' as const }),
  })
  await markRunFilesUploaded(ctx, run, [name], options.signal)
  return file(ctx, run, name, { signal: options.signal })
}

async function readSource(
  source: UploadSource,
  name: string | undefined,
): Promise<{ bytes: Uint8Array; name: string }> {
  if (typeof source === 'string') {
    const local = await platform.readLocalFile(source)
    return { bytes: local.bytes, name: name ?? local.name }
  }
  if (name === undefined) throw new TypeError('uploadFile: pass { name } when uploading bytes')
  if (source instanceof Uint8Array) return { bytes: source, name }
  if (source instanceof ArrayBuffer) return { bytes: new Uint8Array(source), name }
  return { bytes: new Uint8Array(await source.arrayBuffer()), name }
}
