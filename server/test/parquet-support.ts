import { parquetMetadata, parquetReadObjects } from 'hyparquet'
import { parseExtendedJson, stringifyExtended } from '../src/index.js'
import { fileStream, gqlOk } from './helpers.js'

type Srv = { url: string; apiKey: string }
export type Row = Record<string, unknown>

export interface ParquetHistory {
  parquetUrls: string[]
  liveData: { _step: number }[]
}

/** `run.parquetHistory(liveKeys: ["_step"])` of `local/<project>/<run>`. */
export async function parquetHistoryOf(srv: Srv, project: string, run: string): Promise<ParquetHistory> {
  const data = await gqlOk(
    srv,
    `query($p: String!, $r: String!) { project(name: $p, entityName: "local") { run(name: $r) {
      parquetHistory(liveKeys: ["_step"]) { parquetUrls liveData } } } }`,
    { p: project, r: run },
  )
  return data.project.run.parquetHistory
}

/** Every history row of a run, as `history` returns it (extended JSON parsed). */
export async function historyOf(srv: Srv, project: string, run: string, minStep?: number): Promise<Row[]> {
  const data = await gqlOk(
    srv,
    `query($p: String!, $r: String!, $min: Int64) { project(name: $p, entityName: "local") { run(name: $r) {
      history(samples: 1000000, minStep: $min) } } }`,
    { p: project, r: run, min: minStep ?? null },
  )
  return (data.project.run.history as string[]).map((l) => parseExtendedJson(l) as Row)
}

/** Appends history rows at `offset` through file_stream; `complete` ends the run. */
export async function logRows(
  srv: Srv,
  path: string,
  offset: number,
  rows: readonly Row[],
  complete?: boolean,
): Promise<void> {
  const { status, body } = await fileStream(srv, path, {
    files: {
      'wandb-history.jsonl': { offset, content: rows.map((r) => stringifyExtended(r)) },
    },
    ...(complete ? { complete: true, exitcode: 0 } : {}),
  })
  if (status !== 200) throw new Error(`file_stream ${status}: ${JSON.stringify(body)}`)
}

/** Polls `probe` every 20 ms until `done` holds for its result (at most `ms`). */
export async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (done(value)) return value
    if (Date.now() > until) throw new Error(`timed out waiting; last: ${JSON.stringify(value).slice(0, 500)}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * Reads one export with hyparquet (independently of the writer) into history-shaped rows: null
 * columns dropped, `_step` a number, the JSON-text columns the metadata lists parsed.
 */
export function rowsOfFile(bytes: ArrayBuffer): Promise<Row[]> {
  const meta = parquetMetadata(bytes)
  const kv = new Map((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]))
  const json = new Set(JSON.parse(kv.get('wandb-rx:json-columns') ?? '[]') as string[])
  return parquetReadObjects({ file: bytes, metadata: meta }).then((rows) =>
    rows.map((raw) => {
      const row: Row = {}
      for (const [k, v] of Object.entries(raw)) {
        if (v === null || v === undefined) continue
        row[k] = k === '_step' ? Number(v) : json.has(k) ? parseExtendedJson(v as string) : v
      }
      return row
    }),
  )
}

export async function download(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`)
  return res.arrayBuffer()
}

/**
 * A run's history read the way the contract says: every file's rows, then `history(minStep: lowestLive)`, sorted by `_step` (stable, so equal steps keep order).
 */
export async function readThroughExports(srv: Srv, project: string, run: string): Promise<Row[]> {
  const { parquetUrls, liveData } = await parquetHistoryOf(srv, project, run)
  const lowest = liveData.length > 0 ? Math.min(...liveData.map((d) => d._step)) : Infinity
  const files = await Promise.all(parquetUrls.map(async (u) => rowsOfFile(await download(u))))
  const live = Number.isFinite(lowest) ? await historyOf(srv, project, run, lowest) : []
  // No filter on the files' side: a file row at or past the lowest live step would show up twice.
  const rows = [...files.flat(), ...live]
  return rows.sort((a, b) => (a._step as number) - (b._step as number))
}
