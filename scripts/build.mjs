#!/usr/bin/env node
// Builds dist/: tsc emits only the .d.ts files (types stay one per source file); esbuild bundles
// the code, because loading hundreds of small modules is what made `import 'wandb-rx'` and
// `wandb-rx --help` slow (issue 13). src/ stays as it is.
//  - the library (`wandb-rx`, `wandb-rx/node`): one ESM file per entry plus shared chunks, with
//    the ESM builds of its implementation dependencies (io-ts, fp-ts, mingo, yaml, csv-stringify)
//    tree-shaken in; rxjs stays an import, so an app shares one rxjs with us, and so do the
//    fallback `cross-fetch` and hyparquet-writer (both loaded only when needed);
//  - the CLI: everything bundled except the local server (loaded on demand by `serve`), with code
//    split at dynamic imports so a command loads only what it uses.
// Usage: node scripts/build.mjs
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { build } from 'esbuild'

const require = createRequire(import.meta.url)
rmSync('dist', { recursive: true, force: true })
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--emitDeclarationOnly'],
  {
    stdio: 'inherit',
  },
)

const common = {
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  outdir: 'dist',
  logLevel: 'warning',
}

const NODE_BUILTINS = [...builtinModules, 'node:*']
// 'neutral' + the `module` field: dependencies resolve to their ESM builds, which tree-shake (the
// `node` condition would pick their CommonJS builds whole).
const neutral = { platform: 'neutral', mainFields: ['module', 'main'] }

// `#platform` stays an import: package.json's "imports" picks dist/platform/node-platform.js
// under Node and web-platform.js elsewhere, so an app's bundler never sees Node-only code.
await build({
  ...common,
  ...neutral,
  entryPoints: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
    'platform/node-platform': 'src/platform/node-platform.ts',
    'platform/web-platform': 'src/platform/web-platform.ts',
  },
  external: ['#platform', 'rxjs', 'cross-fetch', 'hyparquet-writer', ...NODE_BUILTINS],
  chunkNames: 'chunks/[name]-[hash]',
})

await build({
  ...common,
  entryPoints: { 'cli/main': 'src/cli/main.ts' },
  ...neutral,
  // The CLI is Node-only: `#platform` resolves to the Node platform at bundle time. resvg ships a
  // native binary (PNG plots), loaded on demand.
  alias: { '#platform': './src/platform/node-platform.ts' },
  external: ['wandb-rx-server', 'better-sqlite3', '@resvg/resvg-js', ...NODE_BUILTINS],
  chunkNames: 'cli/chunks/[name]-[hash]',
  // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
})
