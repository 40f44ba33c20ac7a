#!/usr/bin/env node
// Bundles the built core the way an app does (`export * from 'wandb-rx'`, resolved through
// package.json's "exports" and "imports") with esbuild's defaults for platform "browser" and
// "neutral", and with Vite's library-mode defaults; fails when the output reaches any Node built-in,
// and prints the min+gzip size and what dominates it.
// Usage: npm run build && node scripts/check-bundle.mjs [--json]
import { existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
// An import or require of a Node built-in left in the output (externalised rather than bundled).
const BUILTIN_IMPORT = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)["'](node:[\w/]+|[\w/]+)["']/g

/** Which package (or `wandb-rx` itself) an esbuild input path belongs to. */
function ownerOf(input) {
  const at = input.lastIndexOf('node_modules/')
  if (at < 0) return 'wandb-rx'
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/')
  return scope.startsWith('@') ? `${scope}/${name}` : scope
}

/** Bundles the core for one esbuild platform; returns its size, Node built-ins and heaviest parts. */
async function esbuildCheck(platform) {
  const result = await build({
    stdin: { contents: "export * from 'wandb-rx'", resolveDir: root, sourcefile: 'app.js' },
    bundle: true,
    platform,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    // An app never sees this repository's tsconfig.json, whose `paths` point `wandb-rx` at src/.
    tsconfigRaw: '{}',
    // "neutral" reads no main fields, and io-ts and fp-ts have no "exports": esbuild's docs say to
    // name them. This is the only option added to the defaults.
    ...(platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
  }).catch((error) => ({ failed: error.errors ?? [error] }))
  if ('failed' in result)
    return {
      platform,
      errors: result.failed.map((e) => e.text ?? String(e)),
      builtins: [],
      bytes: 0,
      parts: [],
      nodeHelpers: [],
    }
  const code = result.outputFiles[0].text
  const [output] = Object.values(result.metafile.outputs)
  const byOwner = new Map()
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
    byOwner.set(ownerOf(input), (byOwner.get(ownerOf(input)) ?? 0) + bytesInOutput)
  const inputs = Object.keys(result.metafile.inputs)
  return {
    platform,
    errors: [],
    builtins: [...new Set([...builtinsIn(code), ...inputs.filter((i) => BUILTINS.has(i))])],
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    parts: [...byOwner].sort((a, b) => b[1] - a[1]),
    nodeHelpers: inputs.filter((i) => i.includes('/node/') && !i.includes('node_modules')),
  }
}

/** Vite's library build with its defaults (browser conditions), the Rollup path most apps take. */
async function viteCheck() {
  const { build: viteBuild } = await import('vite')
  const warnings = []
  const out = await viteBuild({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { alias: [] },
    build: {
      write: false,
      lib: { entry: 'dist/index.js', formats: ['es'], fileName: 'core' },
      rollupOptions: { onwarn: (w) => warnings.push(w.message) },
    },
  })
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c) => c.type === 'chunk')
  const code = chunks.map((c) => c.code).join('\n')
  const externalised = warnings.filter((w) => /externalized for browser compatibility/.test(w))
  return {
    platform: 'vite',
    errors: [],
    builtins: [...new Set([...builtinsIn(code), ...externalised])],
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    parts: [],
    nodeHelpers: chunks.flatMap((c) => Object.keys(c.modules)).filter((m) => /\/dist\/node\//.test(m)),
  }
}

function builtinsIn(code) {
  return [...code.matchAll(BUILTIN_IMPORT)].map((m) => m[1]).filter((spec) => BUILTINS.has(spec))
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`

if (!existsSync(`${root}/dist/index.js`)) {
  console.error('check-bundle: dist/index.js is missing; run `npm run build` first')
  process.exit(2)
}
const viteOrError = () =>
  viteCheck().catch((error) => ({
    platform: 'vite',
    errors: [String(error.message ?? error).split('\n')[0]],
    builtins: [],
    bytes: 0,
    parts: [],
    nodeHelpers: [],
  }))
const results = [await esbuildCheck('browser'), await esbuildCheck('neutral'), await viteOrError()]
let failed = false
for (const r of results) {
  const problems = [...r.errors, ...r.builtins.map((b) => `reaches Node built-in ${b}`)]
  problems.push(...r.nodeHelpers.map((m) => `bundles Node-only helper ${m}`))
  failed ||= problems.length > 0
  if (process.argv.includes('--json')) continue
  console.log(
    `${r.platform}: ${problems.length ? 'FAIL' : 'ok'}  ${kb(r.bytes)} min, ${kb(r.gzip ?? 0)} min+gzip`,
  )
  for (const p of problems.slice(0, 20)) console.log(`  ✗ ${p}`)
  if (r.parts.length) {
    const total = r.parts.reduce((sum, [, n]) => sum + n, 0)
    const top = r.parts.slice(0, 6).map(([name, n]) => `${name} ${Math.round((100 * n) / total)}%`)
    console.log(`  dominated by: ${top.join(', ')}`)
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(results))
process.exit(failed ? 1 : 0)
