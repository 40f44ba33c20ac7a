/**
 * The base class of every error wandb-rx throws.
 *
 * Subclasses carry data (`status`, `path`, `node`, …) and render their message from it. None of
 * them ever holds the API key or an `Authorization` header: `toJSON()` returns only safe fields.
 *
 * @example
 * ```ts
 * try { await api.run('e/p/nope').get() }
 * catch (e) { if (e instanceof WandbError) console.error(e.name, e.message) }
 * ```
 */
export class WandbError extends Error {
  override name = 'WandbError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
  }

  /** A plain, serialisable view: name, message and the subclass's own safe data fields. */
  toJSON(): Record<string, unknown> {
    const data: Record<string, unknown> = { name: this.name, message: this.message }
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause' && key !== 'stack') data[key] = value
    }
    return data
  }
}
