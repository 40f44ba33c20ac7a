import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Reply } from '../reply.js'

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
}

/** A flat file name with a known extension: nothing with `/`, `..` or a leading dot gets through. */
const STATIC_NAME = /^\/([\w-]+(?:\.[\w-]+)*\.(html|js|css|map|svg|png))$/

/**
 * GET `/` and `/<file>` of the dashboard directory (a flat folder of built files): `/` is its
 * `index.html`. Anything else, or a file that is not there, is `undefined` (the caller answers
 * 404). No key is needed: the page holds no data, and asks for the key in its URL fragment.
 */
export function dashboardRoute(dir: string, pathname: string): Reply | undefined {
  const match = pathname === '/' ? ['', 'index.html', 'html'] : STATIC_NAME.exec(pathname)
  const [, name, ext] = match ?? []
  if (!name || !ext) return undefined
  let body: Buffer
  try {
    body = readFileSync(join(dir, name))
  } catch {
    return undefined
  }
  return { status: 200, body, headers: { 'content-type': TYPES[ext]!, 'cache-control': 'no-cache' } }
}
