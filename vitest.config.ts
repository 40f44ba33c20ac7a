import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests import both packages by name, straight from source: no build step before `npm test`.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: /^wandb-rx-server$/, replacement: source('./server/src/index.ts') },
      { find: /^wandb-rx$/, replacement: source('./src/index.ts') },
      // package.json maps `#platform` to dist/platform/*; tests run under Node, from source.
      { find: /^#platform$/, replacement: source('./src/platform/node-platform.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'server/test/**/*.test.ts'],
    // Type tests only; the whole project is typechecked by `npm run typecheck` (CI runs both).
    typecheck: {
      enabled: true,
      include: ['test/types/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
      ignoreSourceErrors: true,
    },
    // Full history scans cache Parquet exports on disk by default: keep the tests' copies out of ~/.cache.
    env: { WANDB_CACHE_DIR: join(tmpdir(), `wandb-rx-test-cache-${process.pid}`) },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
