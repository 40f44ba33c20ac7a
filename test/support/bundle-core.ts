import { fileURLToPath } from 'node:url'
import { build, type Metafile } from 'esbuild'

const source = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))

/** A bundle of the core entry from source, as a browser app would get it, and what went into it. */
export interface CoreBundle {
  readonly code: string
  readonly inputs: readonly string[]
  readonly metafile: Metafile
}

/**
 * Bundles `src/index.ts` (or `entry`) with esbuild for `platform`, taking package.json's
 * `#platform` under the `default` condition from source (dist/platform/web-platform.js →
 * src/platform/web-platform.ts), the way `scripts/check-bundle.mjs` takes it from dist.
 */
export async function bundleCore(
  platform: 'browser' | 'neutral',
  entry = 'src/index.ts',
  format: 'esm' | 'iife' = 'esm',
): Promise<CoreBundle> {
  const result = await build({
    entryPoints: [source(entry)],
    bundle: true,
    platform,
    format,
    ...(format === 'iife' ? { globalName: 'wandbRx' } : {}),
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfigRaw: '{}',
    alias: { '#platform': source('src/platform/web-platform.ts') },
    ...(platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
  })
  const code = result.outputFiles[0]?.text ?? ''
  return { code, inputs: Object.keys(result.metafile.inputs), metafile: result.metafile }
}
