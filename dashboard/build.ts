import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** What {@link buildDashboard} wrote. */
export interface BuiltDashboard {
  readonly dir: string
  /** Bytes of the script, the bulk of the page (the core library and uPlot). */
  readonly scriptBytes: number
}

/**
 * Bundles the dashboard (this folder) for browsers into `outdir`: `index.html`, `app.js`,
 * `app.css`. It imports `wandb-rx` by name, taken here from source with `#platform` under its
 * browser (`default`) condition, exactly what an app bundling the published package gets.
 *
 * @example
 * ```ts
 * await buildDashboard('dist/dashboard') // then startServer({ dashboard: 'dist/dashboard' })
 * ```
 */
export async function buildDashboard(
  outdir: string,
  options: { minify?: boolean } = {},
): Promise<BuiltDashboard> {
  mkdirSync(outdir, { recursive: true })
  const result = await build({
    entryPoints: { app: here('./main.ts') },
    outdir,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    sourcemap: false,
    logLevel: 'warning',
    metafile: true,
    tsconfigRaw: '{}',
    alias: {
      'wandb-rx': here('../src/index.ts'),
      '#platform': here('../src/platform/web-platform.ts'),
    },
  })
  copyFileSync(here('./index.html'), join(outdir, 'index.html'))
  const script = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('app.js'))
  return { dir: outdir, scriptBytes: script?.[1].bytes ?? 0 }
}

// `tsx dashboard/build.ts [outdir]` (npm run build): dist/dashboard by default.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outdir = process.argv[2] ?? here('../dist/dashboard')
  const built = await buildDashboard(outdir)
  console.log(`dashboard: ${built.dir} (app.js ${(built.scriptBytes / 1024).toFixed(1)} KB)`)
}
