import { stringifyExtended } from '../../server/src/index.js'

/** Where a writer logs: a started local server (`startServer()`'s result). */
export interface WriterTarget {
  readonly url: string
  readonly apiKey: string
  readonly entity: string
}

/** What to log with {@link logRun}. */
export interface LogRunOptions {
  readonly project: string
  readonly name: string
  /** A row count (rows from {@link makeRows}) or the rows themselves (each needs `_step`). */
  readonly rows?: number | readonly Record<string, unknown>[]
  /** Metric keys of generated rows. Default `['loss', 'acc']`. */
  readonly keys?: readonly string[]
  /** Rows per file_stream request. Default 10 000. */
  readonly chunk?: number
  readonly summary?: Readonly<Record<string, unknown>>
  readonly config?: Readonly<Record<string, unknown>>
  /** Finish the run (`complete: true`) after the rows. Default true. */
  readonly complete?: boolean
  readonly exitcode?: number
}

const auth = (target: WriterTarget) => ({
  authorization: `Basic ${Buffer.from(`api:${target.apiKey}`).toString('base64')}`,
  'content-type': 'application/json',
})

/** A GraphQL call as a W&B writer makes it; throws on HTTP or GraphQL errors. */
export async function writerGraphql(
  target: WriterTarget,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: auth(target),
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] }
  if (!res.ok || body.errors?.length) throw new Error(`graphql ${res.status}: ${JSON.stringify(body.errors)}`)
  return body.data ?? {}
}

/** Creates (or updates) a run with `upsertBucket`, as the SDK does at `wandb.init`. */
export async function upsertRun(
  target: WriterTarget,
  project: string,
  name: string,
  fields: {
    state?: string
    config?: Readonly<Record<string, unknown>>
    displayName?: string
    tags?: string[]
  } = {},
): Promise<void> {
  const { config, ...rest } = fields
  await writerGraphql(
    target,
    `mutation UpsertBucket($project: String, $entity: String, $name: String!, $state: String, $config: JSONString,
      $displayName: String, $tags: [String]) {
      upsertBucket(input: { modelName: $project, entityName: $entity, name: $name, state: $state, config: $config,
        displayName: $displayName, tags: $tags }) { bucket { id } inserted } }`,
    {
      project,
      entity: target.entity,
      name,
      state: 'running',
      ...rest,
      ...(config ? { config: JSON.stringify(config) } : {}),
    },
  )
}

/** One file_stream request (PROTOCOL.md §9). */
export async function fileStream(
  target: WriterTarget,
  project: string,
  name: string,
  body: unknown,
): Promise<void> {
  const url = `${target.url}/files/${target.entity}/${project}/${name}/file_stream`
  const res = await fetch(url, { method: 'POST', headers: auth(target), body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`file_stream ${res.status}: ${await res.text()}`)
  await res.arrayBuffer()
}

/** Rows `_step = start … start + n - 1` with deterministic values for `keys`. */
export function makeRows(
  n: number,
  keys: readonly string[] = ['loss', 'acc'],
  start = 0,
): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const step = start + i
    const row: Record<string, unknown> = {
      _step: step,
      _runtime: step / 10,
      _timestamp: 1_700_000_000 + step,
    }
    keys.forEach((key, k) => (row[key] = (step * (k + 1)) / 1000))
    return row
  })
}

/**
 * A live writer for one run: appends history lines at the right offsets, rewrites the summary
 * and finishes the run, over the real file_stream protocol.
 */
export class RunWriter {
  #offset = 0
  #events = 0

  constructor(
    readonly target: WriterTarget,
    readonly project: string,
    readonly name: string,
  ) {}

  /** Appends rows (and optionally a new summary) in requests of `chunk` rows. */
  async log(
    rows: readonly Record<string, unknown>[],
    summary?: Readonly<Record<string, unknown>>,
    chunk = 10_000,
  ) {
    const parts: (readonly Record<string, unknown>[])[] = []
    for (let i = 0; i < rows.length; i += chunk) parts.push(rows.slice(i, i + chunk))
    if (parts.length === 0) parts.push([])
    for (const [i, part] of parts.entries()) {
      const files: Record<string, unknown> = {}
      if (part.length > 0)
        files['wandb-history.jsonl'] = {
          offset: this.#offset,
          content: part.map((row) => stringifyExtended(row)),
        }
      if (summary && i === parts.length - 1)
        files['wandb-summary.json'] = { offset: 0, content: [stringifyExtended(summary)] }
      await fileStream(this.target, this.project, this.name, { files })
      this.#offset += part.length
    }
  }

  /** Appends system-metrics rows to `wandb-events.jsonl`. */
  async logEvents(rows: readonly Record<string, unknown>[]): Promise<void> {
    const content = rows.map((row) => stringifyExtended(row))
    await fileStream(this.target, this.project, this.name, {
      files: { 'wandb-events.jsonl': { offset: this.#events, content } },
    })
    this.#events += content.length
  }

  /** A heartbeat (`{}`). */
  heartbeat(): Promise<void> {
    return fileStream(this.target, this.project, this.name, {})
  }

  /** The final request: `complete` with an exit code. */
  finish(exitcode = 0): Promise<void> {
    return fileStream(this.target, this.project, this.name, { files: {}, complete: true, exitcode })
  }
}

/**
 * Logs a whole run the way the SDK would: `upsertBucket`, history in file_stream chunks, the
 * summary, then `complete`. Returns the writer for more logging when `complete: false`.
 *
 * @example
 * ```ts
 * await logRun(srv, { project: 'p', name: 'r1', rows: 2500 })
 * ```
 */
export async function logRun(target: WriterTarget, options: LogRunOptions): Promise<RunWriter> {
  const { project, name, rows = 0, keys, chunk = 10_000, complete = true, exitcode = 0 } = options
  await upsertRun(target, project, name, options.config ? { config: options.config } : {})
  const writer = new RunWriter(target, project, name)
  const list = typeof rows === 'number' ? makeRows(rows, keys) : rows
  if (list.length > 0 || options.summary) await writer.log(list, options.summary, chunk)
  if (complete) await writer.finish(exitcode)
  return writer
}

/**
 * Saves files with a run the way the SDK uploads them: `createRunFiles` for signed upload URLs,
 * then a PUT of the bytes to each.
 */
export async function uploadFiles(
  target: WriterTarget,
  project: string,
  run: string,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  const data = await writerGraphql(
    target,
    `mutation CreateRunFiles($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
      createRunFiles(input: { entityName: $entity, projectName: $project, runName: $run, files: $files }) {
        runID files { name uploadUrl } } }`,
    { entity: target.entity, project, run, files: Object.keys(files) },
  )
  const created = (data['createRunFiles'] as { files: { name: string; uploadUrl: string }[] }).files
  for (const { name, uploadUrl } of created) {
    const url = uploadUrl.startsWith('/') ? `${target.url}${uploadUrl}` : uploadUrl
    const res = await fetch(url, { method: 'PUT', body: files[name] ?? '' })
    if (!res.ok) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
}
