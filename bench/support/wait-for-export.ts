import type { BenchServer } from './bench-server.js'

/** Waits until the server has exported every row of `entity/project/run` (exports run in the background). */
export async function waitForExport(
  server: Pick<BenchServer, 'url' | 'apiKey'>,
  runPath: string,
  timeoutMs = 600_000,
): Promise<void> {
  const [e, p, r] = runPath.split('/')
  const query = `query P($e: String!, $p: String!, $r: String!) { project(name: $p, entityName: $e) {
    run(name: $r) { parquetHistory(liveKeys: ["_step"]) { parquetUrls liveData } } } }`
  const t0 = performance.now()
  for (;;) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`api:${server.apiKey}`)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { e, p, r } }),
    })
    const body = (await res.json()) as {
      data: { project: { run: { parquetHistory: { parquetUrls: string[]; liveData: unknown[] } } } }
    }
    const found = body.data.project.run.parquetHistory
    if (found.parquetUrls.length > 0 && found.liveData.length === 0) return
    if (performance.now() - t0 > timeoutMs) throw new Error(`${runPath} was not exported in time`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
