/**
 * Start-up cost of the built package (issue 13): `wandb-rx --help` and `import('wandb-rx')` against
 * a bare `node -e 0`, fastest of 10 interleaved runs each, and the core's import time against
 * rxjs alone (which an app using wandb-rx has loaded anyway).
 */
import { fileURLToPath } from 'node:url'
import type { BenchGroup, BenchRow } from '../bench-row.js'
import { fastestOf } from '../support/child-measure.js'

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const node = process.execPath
const importing = (specifier: string) => [
  node,
  '--input-type=module',
  '-e',
  `await import(${JSON.stringify(specifier)})`,
]

export const startup: BenchGroup = {
  title: 'start-up',
  async run(): Promise<BenchRow[]> {
    const t = await fastestOf(10, {
      node: [node, '-e', '0'],
      help: [root('bin/wandb-rx.js'), '--help'],
      core: importing(root('dist/index.js')),
      rxjs: importing('rxjs'),
    })
    const ms = (x: number | undefined) => `${(x ?? NaN).toFixed(0)} ms`
    const help = (t['help'] ?? NaN) / (t['node'] ?? NaN)
    return [
      {
        name: '`wandb-rx --help` wall time vs bare `node -e 0`',
        value: ms(t['help']),
        baseline: ms(t['node']),
        ratio: help,
        target: '≤ 4×',
        met: help <= 4,
      },
      {
        name: "`import('wandb-rx')` (core) wall time vs bare `node -e 0`",
        value: ms(t['core']),
        baseline: `${ms(t['node'])} (import of rxjs alone: ${ms(t['rxjs'])})`,
        ratio: (t['core'] ?? NaN) / (t['node'] ?? NaN),
      },
    ]
  },
}
