import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const STATIC_IMPORT =
  /^(?:import|export)\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?)\s+from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm

/** Every module the core entry reaches through static imports, and the bare specifiers they use. */
function reach(entry: string): { modules: Set<string>; bare: Map<string, string> } {
  const modules = new Set<string>()
  const bare = new Map<string, string>()
  const visit = (file: string) => {
    if (modules.has(file)) return
    modules.add(file)
    for (const [, from, bareImport] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const spec = from ?? bareImport
      if (!spec) continue
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
      else bare.set(spec, file)
    }
  }
  visit(resolve(root, entry))
  return { modules, bare }
}

describe('the core entry point stays browser-safe', () => {
  it('reaches no Node built-in through static imports (Node-only code is loaded lazily or lives in wandb-rx/node)', () => {
    const { modules, bare } = reach('src/index.ts')
    expect(modules.size).toBeGreaterThan(50)
    const nodeOnly = [...bare]
      .filter(([spec]) => spec.startsWith('node:'))
      .map(([spec, file]) => `${file}: ${spec}`)
    expect(nodeOnly).toEqual([])
  })

  it('depends only on the declared runtime packages', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const packageOf = (spec: string) =>
      spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
    const used = [...reach('src/index.ts').bare.keys()].map((s) => packageOf(s) ?? s)
    for (const name of used) expect(Object.keys(pkg.dependencies)).toContain(name)
  })
})
