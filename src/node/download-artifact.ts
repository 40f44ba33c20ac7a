import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, resolve, sep } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import type {
  DownloadableArtifact,
  DownloadArtifactOptions,
  DownloadedArtifact,
} from '../api/artifact-download-types.js'
import type { ManifestEntry } from '../api/artifact-manifest.js'
import type { ArtifactFile } from '../codecs/artifact-file-codec.js'
import { ChecksumMismatchError } from '../errors/checksum-mismatch-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { TransportError } from '../errors/transport-error.js'
import { UnsafePathError } from '../errors/unsafe-path-error.js'
import { safeRelativePath } from '../internal/safe-relative-path.js'
import { Semaphore } from '../streams/semaphore.js'
import { defaultArtifactRoot } from './artifact-root.js'
import { md5File } from './md5-file.js'
import { isLocalFsError } from './local-fs-error.js'

/** The local path of a manifest entry, refusing names that would leave the root. */
function targetOf(root: string, path: string): string {
  const target = resolve(root, ...safeRelativePath(path))
  if (!target.startsWith(root + sep)) throw new UnsafePathError(path, 'it resolves outside the root')
  return target
}

/** Is the file at `target` already this entry (same size, then same MD5)? */
async function isPresent(target: string, entry: ManifestEntry): Promise<boolean> {
  const info = await stat(target).catch(() => undefined)
  if (!info?.isFile() || info.size !== entry.size) return false
  return (await md5File(target)) === entry.digest
}

interface Job {
  readonly entry: ManifestEntry
  readonly target: string
}

/**
 * Downloads an artifact version's files to `root` (Python `artifact.download(root)`).
 *
 * - **Safe names.** Every manifest path is checked first: one with `..`, an absolute path, a
 *   drive letter, a backslash or NUL fails the whole call with `UnsafePathError`, before any
 *   request or write.
 * - **Resumable.** A file already present with the manifest's size and MD5 is skipped, so
 *   re-running an interrupted download fetches only what is missing or wrong.
 * - **Parallel, bounded.** At most `concurrency` files are in flight (default: as many
 *   as the `Api`'s adaptive limit allows).
 * - **Atomic and verified.** Each file streams to a temporary file next to its target while its
 *   MD5 is computed, and is renamed into place only when it matches the manifest: a mismatch is
 *   `ChecksumMismatchError` and a broken transfer is retried (`attempts`, default 3); either way
 *   no partial file is left. The first failure cancels the other transfers; files already in
 *   place stay, ready for the next attempt.
 * - **No key leaks.** Files come from signed `directUrl`s, always fetched without the API key.
 *
 * Reference entries (`s3://…`) are not fetched; they are listed in `references`.
 *
 * @example
 * ```ts
 * import { downloadArtifact } from 'wandb-rx/node'
 * const a = await api.artifact('team/mnist/digits:latest')
 * const { downloaded, skipped } = await downloadArtifact(a, { root: 'data/digits', concurrency: 4 })
 * // same as: await a.download({ root: 'data/digits', concurrency: 4 })
 * ```
 */
export async function downloadArtifact(
  artifact: DownloadableArtifact,
  options: DownloadArtifactOptions = {},
): Promise<DownloadedArtifact> {
  const { signal, concurrency, attempts = 3 } = options
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError(`attempts must be an integer ≥ 1, got ${attempts}`)
  const slots =
    concurrency === undefined ? (artifact.requestSlots ?? new Semaphore(8)) : new Semaphore(concurrency)
  const root = resolve(options.root ?? defaultArtifactRoot(artifact))
  const manifest = await artifact.manifest(signal ? { signal } : {})
  const references = manifest.entries.filter((e) => e.ref !== undefined).map((e) => e.path)
  const jobs: Job[] = manifest.entries
    .filter((e) => e.ref === undefined)
    .map((entry) => ({ entry, target: targetOf(root, entry.path) }))

  const skipped: string[] = []
  const todo: Job[] = []
  for (const job of jobs) {
    if (await isPresent(job.target, job.entry)) {
      skipped.push(job.entry.path)
      options.onFile?.({ path: job.entry.path, skipped: true, bytes: 0 })
    } else todo.push(job)
  }
  const result = (downloaded: string[], bytes: number): DownloadedArtifact =>
    Object.freeze({ root, downloaded, skipped, references, bytes })
  if (todo.length === 0) return result([], 0)

  const files = new Map<string, ArtifactFile>()
  for (const file of await artifact.files({ perPage: 1000 }).toArray(signal ? { signal } : {}))
    files.set(file.name, file)

  // One controller for the batch: the first failure (or the caller's abort) stops the rest.
  const batch = new AbortController()
  const onAbort = () => batch.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  const downloaded: string[] = []
  let bytes = 0
  let failure: unknown
  try {
    await Promise.all(
      todo.map((job) =>
        slots
          .use(async () => {
            const file = files.get(job.entry.path)
            if (!file) throw new NotFoundError('artifact file', `${artifact.qualifiedName}/${job.entry.path}`)
            const size = await fetchFile(artifact, file, job, batch.signal, attempts)
            downloaded.push(job.entry.path)
            bytes += size
            options.onFile?.({ path: job.entry.path, skipped: false, bytes: size })
          }, batch.signal)
          .catch((error: unknown) => {
            failure ??= error
            batch.abort(error)
          }),
      ),
    )
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
  if (failure !== undefined) throw signal?.aborted ? (signal.reason ?? failure) : failure
  return result(downloaded.sort(), bytes)
}

/** Streams one file to a temp file, checks its MD5, renames it into place; retries broken transfers. */
async function fetchFile(
  artifact: DownloadableArtifact,
  file: ArtifactFile,
  job: Job,
  signal: AbortSignal,
  attempts: number,
): Promise<number> {
  await mkdir(dirname(job.target), { recursive: true })
  for (let attempt = 1; ; attempt++) {
    const temp = resolve(
      dirname(job.target),
      `.${basename(job.target)}.${randomBytes(6).toString('hex')}.partial`,
    )
    try {
      const response = await artifact.openFile(file, { signal })
      const hash = createHash('md5')
      let size = 0
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk)
          size += chunk.length
          done(null, chunk)
        },
      })
      const body = response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })
      const sink = createWriteStream(temp)
      const closed = () =>
        new Promise<void>((done) => (sink.closed ? done() : sink.once('close', () => done())))
      try {
        await pipeline(Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>), hashing, sink, {
          signal,
        })
      } finally {
        await closed() // an fd still open would recreate the temp file after its removal
      }
      const md5 = hash.digest('base64')
      if (md5 !== job.entry.digest) throw new ChecksumMismatchError(job.entry.path, job.entry.digest, md5)
      await rename(temp, job.target)
      return size
    } catch (error) {
      await rm(temp, { force: true })
      // The transport already retried failures before the body; here only broken or corrupted
      // bodies are worth another try.
      const retryable = !(error instanceof TransportError) && !isLocalFsError(error)
      if (signal.aborted || !retryable || attempt >= attempts) throw error
    }
  }
}
