/** A recognised request: which endpoint, its path parameters, and what it needs first. */
export type Route =
  | { readonly kind: 'graphql' }
  | { readonly kind: 'file_stream'; readonly entity: string; readonly project: string; readonly run: string }
  | {
      readonly kind: 'download'
      readonly entity: string
      readonly project: string
      readonly run: string
      readonly name: string
    }
  | { readonly kind: 'upload'; readonly id: number }
  | { readonly kind: 'direct'; readonly id: number }
  | { readonly kind: 'artifact_blob_upload'; readonly id: number }
  | { readonly kind: 'artifact_blob_download'; readonly id: number }
  | { readonly kind: 'history_export'; readonly runId: number; readonly file: string }
  | { readonly kind: 'health' }

export type RouteMatch =
  Route | { readonly kind: 'not_found' } | { readonly kind: 'method_not_allowed'; readonly allow: string }

/**
 * Maps method + path to a route. Path segments are URL-decoded; file names keep their slashes.
 * Throws URIError on a malformed escape (the caller answers 400).
 */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const parts = pathname.split('/').slice(1).map(decodeURIComponent)
  const [head, ...rest] = parts
  const only = (allowed: string, route: Route): RouteMatch =>
    method === allowed ? route : { kind: 'method_not_allowed', allow: allowed }
  if (head === 'graphql' && rest.length === 0) return only('POST', { kind: 'graphql' })
  if (head === 'healthz' && rest.length === 0) return only('GET', { kind: 'health' })
  if (head === 'files' && rest.length >= 4) {
    const [entity, project, run, ...name] = rest as [string, string, string, ...string[]]
    if (name.length === 1 && name[0] === 'file_stream' && method === 'POST') {
      return { kind: 'file_stream', entity, project, run }
    }
    return only('GET', { kind: 'download', entity, project, run, name: name.join('/') })
  }
  const id = Number(rest[0])
  if (head === 'upload' && rest.length === 1 && Number.isSafeInteger(id))
    return only('PUT', { kind: 'upload', id })
  if (head === 'direct' && rest.length >= 2 && Number.isSafeInteger(id))
    return only('GET', { kind: 'direct', id })
  if (head === 'artifact-blobs' && rest.length === 1 && Number.isSafeInteger(id))
    return only('PUT', { kind: 'artifact_blob_upload', id })
  if (head === 'artifact-blobs' && rest.length >= 2 && Number.isSafeInteger(id))
    return only('GET', { kind: 'artifact_blob_download', id })
  if (head === 'history-exports' && rest.length === 2 && Number.isSafeInteger(id)) {
    const route: Route = { kind: 'history_export', runId: id, file: rest[1] as string }
    return method === 'GET' || method === 'HEAD' ? route : { kind: 'method_not_allowed', allow: 'GET, HEAD' }
  }
  return { kind: 'not_found' }
}
