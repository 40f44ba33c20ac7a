import { platform } from '#platform'
import type { RunFile } from '../codecs/run-file-codec.js'
import type { ApiContext } from '../internal/api-context.js'
import { openRunFile } from './open-run-file.js'
import type { DownloadedFile, DownloadRunFileOptions } from './run-file-download-types.js'

/**
 * A run file as the server lists it (the plain {@link RunFile} fields, frozen) plus what you can
 * do with it: `download()` to disk (Python `file.download(root, replace)`; Node only, else
 * `NodeOnlyError`) and `open()` for the raw `Response` anywhere `fetch` runs. Returned by
 * `api.run(path).file(name)` and `.files()`.
 *
 * @example
 * ```ts
 * const f = await api.run('team/mnist/1a2b3c').file('checkpoints/model.pt')
 * const { path, md5 } = await f.download({ root: 'out', replace: true }) // path: '/abs/out/checkpoints/model.pt'
 * const text = await (await f.open()).text() // in a browser too
 * ```
 */
export class RemoteRunFile implements RunFile {
  readonly id!: string
  readonly name!: string
  readonly url!: string | null
  readonly directUrl!: string | null
  readonly sizeBytes!: number
  readonly mimetype!: string | null
  readonly updatedAt!: Date | null
  readonly md5!: string | null
  readonly #ctx: ApiContext

  /** @internal Use `api.run(path).file(name)`. */
  constructor(ctx: ApiContext, data: RunFile) {
    this.#ctx = ctx
    Object.assign(this, data)
    Object.freeze(this)
  }

  /**
   * Downloads to `root/<name>`: streamed, atomic, MD5-verified, resumable; an existing file is
   * `FileExistsError` unless `replace`. See `downloadRunFile` in `wandb-rx/node`.
   */
  download(options: DownloadRunFileOptions = {}): Promise<DownloadedFile> {
    return platform.downloadRunFile(this.#ctx, this, options)
  }

  /** The 2xx `Response`, body unread (`offset`: from that byte on, when the server allows). */
  open(options: { readonly signal?: AbortSignal; readonly offset?: number } = {}): Promise<Response> {
    return openRunFile(this.#ctx, this, options)
  }

  /** The plain data, e.g. for `JSON.stringify`. */
  toJSON(): RunFile {
    const { ...data } = this
    return data
  }
}
