import { parse } from 'yaml'
import { ResponseDecodeError } from '../errors/response-decode-error.js'

/** The optimisation target of a sweep config: `metric: { name, goal }`. */
export interface SweepMetric {
  readonly name: string
  readonly goal: 'minimize' | 'maximize'
}

/**
 * Parses a sweep's YAML config (W&B stores it as YAML text; JSON is valid YAML too) into a plain
 * object. An empty config is `{}`; text that is not a YAML mapping is a `ResponseDecodeError`.
 *
 * @example
 * ```ts
 * parseSweepConfig('method: bayes\nmetric: {name: loss, goal: minimize}\n')
 * // { method: 'bayes', metric: { name: 'loss', goal: 'minimize' } }
 * ```
 */
export function parseSweepConfig(text: string | null | undefined): Record<string, unknown> {
  if (!text || text.trim() === '') return {}
  let value: unknown
  try {
    value = parse(text)
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause)
    throw new ResponseDecodeError('sweep config', [
      { path: 'config', expected: 'YAML', actual: text.slice(0, 80), message },
    ])
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ResponseDecodeError('sweep config', [
      { path: 'config', expected: 'a YAML mapping', actual: value },
    ])
  }
  return value as Record<string, unknown>
}

/**
 * The config's `metric`, with W&B's default goal `minimize`; undefined when it names none.
 *
 * @example
 * ```ts
 * sweepMetric({ metric: { name: 'val_acc', goal: 'maximize' } }) // { name: 'val_acc', goal: 'maximize' }
 * sweepMetric({ metric: { name: 'loss' } })                      // { name: 'loss', goal: 'minimize' }
 * ```
 */
export function sweepMetric(config: Readonly<Record<string, unknown>>): SweepMetric | undefined {
  const metric = config['metric']
  if (typeof metric !== 'object' || metric === null) return undefined
  const { name, goal } = metric as { name?: unknown; goal?: unknown }
  if (typeof name !== 'string' || name === '') return undefined
  return { name, goal: goal === 'maximize' ? 'maximize' : 'minimize' }
}
