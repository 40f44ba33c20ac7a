import { InvalidArgumentError } from 'commander'
import { parseExtendedJson } from '../internal/extended-json.js'
import { isPlainObject } from '../exports/flatten-record.js'

/**
 * Parses `--where '{"summary.loss": {"$lt": 0.5}}'`: a JSON object (bare `NaN`/`Infinity`
 * allowed, as in W&B's own JSON). Anything else is a usage error naming the problem.
 *
 * @example
 * ```ts
 * parseWhere('{"state": "finished"}') // { state: 'finished' }
 * parseWhere('{state: 1}')            // throws InvalidArgumentError (exit 2)
 * ```
 */
export function parseWhere(text: string): Record<string, unknown> {
  let value: unknown
  try {
    value = parseExtendedJson(text)
  } catch (error) {
    throw new InvalidArgumentError(`not valid JSON (${(error as Error).message})`)
  }
  if (!isPlainObject(value))
    throw new InvalidArgumentError('expected a JSON object such as {"state":"finished"}')
  return value
}

/**
 * Parses a comma-separated list (`--keys loss,acc`), trimming blanks.
 *
 * @example
 * ```ts
 * parseList('loss, eval/acc') // ['loss', 'eval/acc']
 * ```
 */
export function parseList(text: string): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  if (items.length === 0) throw new InvalidArgumentError('expected a comma-separated list')
  return items
}

/**
 * Parses a whole number ≥ `min` (default 1), e.g. `--limit 5`, `--samples 200`.
 *
 * @example
 * ```ts
 * countParser(0)('0') // 0
 * countParser()('-3') // throws InvalidArgumentError
 * ```
 */
export function countParser(min = 1): (text: string) => number {
  return (text) => {
    const value = Number(text)
    if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min)
      throw new InvalidArgumentError(`expected a whole number ≥ ${min}`)
    return value
  }
}

/**
 * A parser accepting one of `choices`, e.g. `--format csv`.
 *
 * @example
 * ```ts
 * choiceParser(['csv', 'jsonl'] as const)('csv') // 'csv'
 * ```
 */
export function choiceParser<T extends string>(choices: readonly T[]): (text: string) => T {
  return (text) => {
    if ((choices as readonly string[]).includes(text)) return text as T
    throw new InvalidArgumentError(`expected one of ${choices.join(', ')}`)
  }
}

/**
 * A repeatable comma-separated list option (`--group-by a,b --group-by c`): each use adds its
 * items to the earlier ones.
 *
 * @example
 * ```ts
 * collectList('config.lr', collectList('config.optimizer')) // ['config.optimizer', 'config.lr']
 * ```
 */
export function collectList(text: string, previous: readonly string[] = []): string[] {
  return [...previous, ...parseList(text)]
}
