import { createHash, randomBytes, type Hash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { link, mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, resolve, sep } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import { openRunFile } from '../api/open-run-file.js'
import type { DownloadedFile, DownloadRunFileOptions } from '../api/run-file-download-types.js'
import type { RunFile } from '../codecs/run-file-codec.js'
import { ChecksumMismatchError } from '../errors/checksum-mismatch-error.js'
import { FileExistsError } from '../errors/file-exists-error.js'
import { UnsafePathError } from '../errors/unsafe-path-error.js'
import { contextOf, type ContextSource } from '../internal/context-of.js'
import { safeRelativePath } from '../internal/safe-relative-path.js'
import { isLocalFsError } from './local-fs-error.js'

export type { DownloadRunFileOptions, DownloadedFile }

/**
 * Downloads a run file to `root/<file name>` (Python `file.download()`), streaming: the body goes
 * to disk chunk by chunk and is never held whole in memory.
 *
 * - **Safe names.** A name with `..` segments, an absolute path, a drive letter, a backslash or
 *   NUL is refused with `UnsafePathError` before any request.
 * - **Atomic.** Bytes go to a temporary file next to the target, renamed into place only once
 *   complete and verified; an interrupted or failed download leaves no partial file behind.
 * - **Verified.** The base64 MD5 is computed while streaming and compared with the file's `md5`;
 *   a mismatch is `ChecksumMismatchError` and nothing is kept.
 * - **No clobbering.** An existing target is `FileExistsError` unless `replace: true`, checked
 *   before the transfer and again (atomically, via a hard link) when the file is put in place.
 * - **Resumable.** A body cut off mid-transfer is resumed from the bytes already on disk with a
 *   `Range` request (restarted when the server answers with the whole file), up to
 *   `resumeAttempts` times. Failures before the body starts follow the Api's retry policy.
 * - **Credentials.** The `url` (under the base URL) gets the API key; a signed `directUrl` on
 *   another host never does.
 *
 * @example
 * ```ts
 * import { downloadRunFile } from 'wandb-rx/node'
 * const f = await api.run('team/mnist/1a2b3c').file('checkpoints/model.pt')
 * const { path, md5 } = await downloadRunFile(api, f, { root: 'out' })
 * // path: '/abs/out/checkpoints/model.pt'
 * ```
 */
export async function downloadRunFile(
  api: ContextSource,
  file: RunFile,
  options: DownloadRunFileOptions = {},
): Promise<DownloadedFile> {
  const { signal, replace = false, resumeAttempts = 3 } = options
  const root = resolve(options.root ?? '.')
  const target = resolve(root, ...safeRelativePath(file.name))
  if (!target.startsWith(root + sep)) throw new UnsafePathError(file.name, 'it resolves outside the root')
  if (!replace && (await exists(target))) throw new FileExistsError(target)
  await mkdir(dirname(target), { recursive: true })
  const temp = resolve(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`)
  try {
    const { hash, size } = await transfer(api, file, temp, signal, resumeAttempts)
    const md5 = hash.digest('base64')
    if (file.md5 && md5 !== file.md5) throw new ChecksumMismatchError(file.name, file.md5, md5)
    await putInPlace(temp, target, replace)
    return { path: target, sizeBytes: size, md5 }
  } finally {
    await rm(temp, { force: true })
  }
}

/** Streams the body into `temp`, resuming cut transfers; returns the hash of every byte in it. */
async function transfer(
  api: ContextSource,
  file: RunFile,
  temp: string,
  signal: AbortSignal | undefined,
  resumeAttempts: number,
): Promise<{ hash: Hash; size: number }> {
  const ctx = contextOf(api)
  let hash = createHash('md5')
  let written = 0
  for (let attempt = 0; ; attempt++) {
    let response = await openRunFile(ctx, file, { signal, offset: written })
    if (written > 0 && !resumesAt(response, written)) {
      if (response.status === 206) {
        await response.body?.cancel().catch(() => undefined)
        response = await openRunFile(ctx, file, { signal })
      }
      ;[hash, written] = [createHash('md5'), 0] // the server sent the whole file: start over
    }
    const running = hash
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        running.update(chunk)
        done(null, chunk)
      },
    })
    const body = response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })
    const source = Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>)
    const sink = createWriteStream(temp, { flags: written > 0 ? 'a' : 'w' })
    // The file must be closed before it is measured, re-read or removed: an fd still opening
    // after an early abort would otherwise recreate the temp file once it has been deleted.
    const closed = () =>
      new Promise<void>((done) => (sink.closed ? done() : sink.once('close', () => done())))
    try {
      await pipeline(source, hashing, sink, signal ? { signal } : {})
      await closed()
      return { hash, size: (await stat(temp)).size }
    } catch (error) {
      await closed()
      if (signal?.aborted || attempt >= resumeAttempts || isLocalFsError(error)) throw error
      // The hash may have seen chunks that never reached the disk: rebuild it from the disk.
      written = (await stat(temp).catch(() => ({ size: 0 }))).size
      hash = written > 0 ? await hashFile(temp) : createHash('md5')
    }
  }
}

/** A 206 whose `Content-Range` starts exactly where the partial file ends. */
function resumesAt(response: Response, offset: number): boolean {
  const range = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')
  return response.status === 206 && Number(range?.[1]) === offset
}

async function putInPlace(temp: string, target: string, replace: boolean): Promise<void> {
  if (replace) return rename(temp, target)
  try {
    await link(temp, target) // fails with EEXIST if the target appeared meanwhile: never clobbers
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new FileExistsError(target)
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error
    if (await exists(target)) throw new FileExistsError(target) // no hard links here: best effort
    await rename(temp, target)
  }
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  )

async function hashFile(path: string): Promise<Hash> {
  const hash = createHash('md5')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash
}
