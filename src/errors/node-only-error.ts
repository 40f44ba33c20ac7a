import { WandbError } from './wandb-error.js'

/**
 * A Node-only capability (disk, `.netrc`, local files) called where Node is not: a browser, a
 * worker, or a bundle built for `platform: 'browser' | 'neutral'`. The core entry `wandb-rx`
 * picks its Node implementation through the package's `node` import condition; the explicit
 * entry point is `wandb-rx/node`.
 *
 * @example
 * ```ts
 * try { await (await api.artifact('team/mnist/digits:v1')).download({ root: 'data' }) }
 * catch (e) { if (e instanceof NodeOnlyError) console.log(e.feature, e.entryPoint) } // 'artifact.download()' 'wandb-rx/node'
 * ```
 */
export class NodeOnlyError extends WandbError {
  override name = 'NodeOnlyError'
  /** What was called, e.g. `'artifact.download()'`. */
  readonly feature: string
  /** The entry point that has it. */
  readonly entryPoint = 'wandb-rx/node'

  constructor(feature: string, hint?: string) {
    super(
      `${feature} needs Node (disk access): it runs where the "node" import condition applies, ` +
        `or from 'wandb-rx/node'${hint ? `; ${hint}` : ''}`,
    )
    this.feature = feature
  }
}
