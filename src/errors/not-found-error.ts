import { WandbError } from './wandb-error.js'

/**
 * The run, project, file, sweep or artifact does not exist or is not visible to this key.
 * W&B answers most of these with `null` inside HTTP 200, a few with HTTP 404.
 *
 * @example
 * ```ts
 * await api.run('team/mnist/nope').get() // NotFoundError: run team/mnist/nope not found
 * ```
 */
export class NotFoundError extends WandbError {
  override name = 'NotFoundError'
  /** `run`, `project`, `file`, `sweep`, `artifact`, … */
  readonly resource: string
  readonly path: string
  readonly status: number | undefined

  constructor(resource: string, path: string, options?: { status?: number; cause?: unknown }) {
    super(`${resource} ${path} not found`, options)
    this.resource = resource
    this.path = path
    this.status = options?.status
  }
}
