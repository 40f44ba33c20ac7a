import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { operationNameOf } from '../graphql/execute-graphql.js'
import { authenticate } from './authenticate.js'
import { faultReply } from './fault-reply.js'
import { matchRoute, type Route } from './match-route.js'
import { readBody, readJson } from './read-body.js'
import { errorJson, HttpError, json, type Reply } from './reply.js'
import { dashboardRoute } from './routes/dashboard-route.js'
import { artifactBlobDownloadRoute, artifactBlobUploadRoute } from './routes/artifact-blob-routes.js'
import { directRoute, downloadRoute, uploadRoute } from './routes/file-routes.js'
import { fileStreamRoute } from './routes/file-stream-route.js'
import { graphqlRoute } from './routes/graphql-route.js'
import { historyExportRoute } from './routes/history-export-route.js'
import type { ServerState } from './server-state.js'

function write(res: ServerResponse, reply: Reply, truncate = false): void {
  const chunks = bodyChunks(reply.body)
  const length = chunks.reduce((n, chunk) => n + chunk.length, 0)
  // A reply may set its own length: a HEAD answer has none of the body it describes.
  res.writeHead(reply.status, { 'content-length': String(length), ...reply.headers })
  if (!truncate) {
    res.cork() // end() uncorks: the chunks leave in one writev
    for (const chunk of chunks) res.write(chunk)
    res.end()
    return
  }
  // A `reset` fault: half the body, then the socket dies (the client sees ECONNRESET / a cut body).
  res.write(Buffer.concat(chunks).subarray(0, Math.floor(length / 2)), () => res.socket?.destroy())
}

/** The body as buffers; pieces stay separate, so no reply becomes one large buffer. */
const bodyChunks = (body: Reply['body']): Buffer[] =>
  typeof body === 'string'
    ? [Buffer.from(body)]
    : Buffer.isBuffer(body)
      ? [body]
      : body.map((p) => Buffer.from(p))

const needsAuth = (route: Route) =>
  route.kind === 'graphql' || route.kind === 'file_stream' || route.kind === 'download'

/** The node:http request listener: routing, auth, body limits, fault injection, logging. */
export function createHandler(state: ServerState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now()
    let operation: string | undefined
    let faultNote = ''
    const finish = (reply: Reply, truncate = false) => {
      write(res, { ...reply, headers: { ...reply.headers, ...state.cors.headers(req.headers) } }, truncate)
      const ms = (performance.now() - started).toFixed(1)
      state.logger.info(
        `${req.method} ${req.url?.split('?')[0]}${operation ? ` ${operation}` : ''} → ${reply.status}${faultNote} (${ms} ms)`,
      )
    }
    handle(
      state,
      req,
      (op) => (operation = op),
      (note) => (faultNote = note),
    )
      .then(({ reply, truncate }) => finish(reply, truncate))
      .catch((error: unknown) => {
        if (error instanceof HttpError) return finish(errorJson(error.status, error.message))
        state.logger.info(`internal error: ${(error as Error).stack ?? String(error)}`)
        // W&B writers hang on 5xx (PROTOCOL §11), so only truly unexpected failures get one.
        finish(errorJson(500, `internal error: ${(error as Error).message}`))
      })
  }
}

async function handle(
  state: ServerState,
  req: IncomingMessage,
  setOperation: (op: string | undefined) => void,
  setFaultNote: (note: string) => void,
): Promise<{ reply: Reply; truncate?: boolean }> {
  const host = req.headers.host ?? 'localhost'
  let url: URL
  let route
  try {
    url = new URL(req.url ?? '/', `http://${host}`)
    route = matchRoute(req.method ?? 'GET', url.pathname)
  } catch {
    return { reply: errorJson(400, 'malformed URL') }
  }
  if (req.method === 'OPTIONS') return { reply: state.cors.preflight(url.pathname, req.headers) }
  if (route.kind === 'not_found') {
    const page =
      state.dashboard && req.method === 'GET' ? dashboardRoute(state.dashboard, url.pathname) : undefined
    return { reply: page ?? errorJson(404, `no such endpoint: ${url.pathname}`) }
  }
  if (route.kind === 'method_not_allowed') {
    return { reply: errorJson(405, `use ${route.allow} for ${url.pathname}`, { allow: route.allow }) }
  }
  if (route.kind === 'health') return { reply: json(200, { ok: true }) }
  const user = needsAuth(route) ? authenticate(state.db, req) : undefined
  if (needsAuth(route) && !user) {
    return { reply: errorJson(401, 'the API key you provided is either invalid or missing') }
  }
  const { limits } = state
  const body =
    route.kind === 'graphql'
      ? await readJson(req, limits.graphqlBytes)
      : route.kind === 'file_stream'
        ? await readJson(req, limits.fileStreamBytes)
        : route.kind === 'upload' || route.kind === 'artifact_blob_upload'
          ? await readBody(req, limits.uploadBytes)
          : undefined
  if (route.kind === 'graphql') setOperation(operationNameOf(body))
  const decision = state.faults.decide({ path: url.pathname, operationName: operationNameOf(body) })
  if (decision.latencyMs > 0) await sleep(decision.latencyMs)
  const fault = decision.fault
  if (fault) setFaultNote(` [fault ${fault.kind}]`)
  if (fault && fault.kind !== 'reset') return { reply: faultReply(fault.kind, fault.retryAfter) }
  const baseUrl = `http://${host}`
  let reply: Reply
  switch (route.kind) {
    case 'graphql':
      reply = await graphqlRoute(state, user!, body, baseUrl)
      break
    case 'file_stream':
      reply = fileStreamRoute(state, user!, route, body)
      break
    case 'download':
      reply = downloadRoute(state, user!, route, req.headers.range)
      break
    case 'direct':
      reply = directRoute(state, route.id, url.searchParams, req.headers.range)
      break
    case 'upload':
      reply = uploadRoute(state, route.id, url.searchParams, body as Buffer)
      break
    case 'artifact_blob_upload':
      reply = artifactBlobUploadRoute(state, route.id, url.searchParams, body as Buffer)
      break
    case 'artifact_blob_download':
      reply = artifactBlobDownloadRoute(state, route.id, url.searchParams)
      break
    case 'history_export':
      reply = historyExportRoute(
        state,
        { ...route, head: req.method === 'HEAD', ...(req.headers.range ? { range: req.headers.range } : {}) },
        url.searchParams,
      )
      break
  }
  return { reply, truncate: fault?.kind === 'reset' }
}
