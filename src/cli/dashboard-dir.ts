import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The dashboard builder of a source checkout (`dashboard/build.ts`), as far as it is used here. */
interface DashboardBuilder {
  buildDashboard(outdir: string): Promise<unknown>
}

/**
 * The directory of the built dashboard for `wandb-rx serve`: `dist/dashboard` of an installed
 * package (`npm run build` makes it), or, in a source checkout run through tsx, a temporary
 * directory the dashboard is being built into (the server reads files per request, so it can
 * start serving at once; the page appears when the build is done).
 *
 * @example
 * ```ts
 * await startServer({ dashboard: dashboardDir((e) => console.error(e)) })
 * ```
 */
export function dashboardDir(onBuildError: (error: unknown) => void): string {
  const built = fileURLToPath(new URL('../dashboard/', import.meta.url))
  if (existsSync(join(built, 'index.html'))) return built
  const dir = mkdtempSync(join(tmpdir(), 'wandb-rx-dashboard-'))
  // A computed specifier: the builder lives outside src/ and only exists in a checkout.
  const builder = new URL('../../dashboard/build.ts', import.meta.url).href
  ;(import(builder) as Promise<DashboardBuilder>).then((m) => m.buildDashboard(dir)).catch(onBuildError)
  return dir
}
