import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  imports: Record<string, Record<string, string>>
}
// Static `import … from`, `export … from`, side-effect `import '…'`, and dynamic `import('…')`.
const IMPORT =
  /^(?:import|export)\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?)\s+from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm

/** The source file a `#subpath` import resolves to under `condition` (dist/x.js → src/x.ts). */
function subpathSource(spec: string, condition: 'node' | 'default'): string {
  const target = pkg.imports[spec]?.[condition]
  if (!target) throw new Error(`package.json has no "${condition}" target for ${spec}`)
  return resolve(root, target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'))
}

/**
 * Every module the entry reaches through static and dynamic imports (a bundler follows both),
 * with `#subpath` imports taken under `condition`, and the bare specifiers they use.
 */
function reach(entry: string, condition: 'node' | 'default') {
  const modules = new Set<string>()
  const bare = new Map<string, string>()
  const visit = (file: string) => {
    if (modules.has(file)) return
    modules.add(file)
    for (const [, from, sideEffect, dynamic] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = from ?? sideEffect ?? dynamic
      if (!spec) continue
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
      else if (spec.startsWith('#')) visit(subpathSource(spec, condition))
      else bare.set(spec, file)
    }
  }
  visit(resolve(root, entry))
  return { modules, bare }
}

describe('the core entry point stays browser-safe', () => {
  it('reaches no Node built-in through any import when #platform is the web one', () => {
    const { modules, bare } = reach('src/index.ts', 'default')
    expect(modules.size).toBeGreaterThan(50)
    expect([...modules].filter((m) => m.includes('/src/node/'))).toEqual([])
    const nodeOnly = [...bare]
      .filter(([spec]) => spec.startsWith('node:'))
      .map(([spec, file]) => `${file}: ${spec}`)
    expect(nodeOnly).toEqual([])
  })

  it('reaches the Node helpers only through #platform under the "node" condition', () => {
    const web = reach('src/index.ts', 'default').modules
    const node = reach('src/index.ts', 'node').modules
    const added = [...node].filter((m) => !web.has(m)).map((m) => m.slice(root.length + 1))
    expect(added).toContain('src/platform/node-platform.ts')
    expect(added).toContain('src/node/download-artifact.ts')
    expect(added.every((m) => m.startsWith('src/node/') || m === 'src/platform/node-platform.ts')).toBe(true)
  })

  it('depends only on the declared runtime packages', () => {
    const packageOf = (spec: string) =>
      spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
    const used = [...reach('src/index.ts', 'node').bare.keys()]
      .filter((s) => !s.startsWith('node:'))
      .map((s) => packageOf(s) ?? s)
    for (const name of used) expect(Object.keys(pkg.dependencies)).toContain(name)
  })
})
