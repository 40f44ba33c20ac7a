import type { Statement } from 'better-sqlite3'
import type { Db } from './open-database.js'

const cache = new WeakMap<Db, Map<string, Statement>>()

/** A prepared statement cached per connection and SQL text (preparing costs more than running). */
export function sql<R = unknown>(db: Db, text: string): Statement<unknown[], R> {
  let byText = cache.get(db)
  if (!byText) cache.set(db, (byText = new Map()))
  let stmt = byText.get(text)
  if (!stmt) {
    // Filters make SQL text open-ended; a bounded cache keeps memory flat.
    if (byText.size >= 1000) byText.clear()
    byText.set(text, (stmt = db.prepare(text)))
  }
  return stmt as Statement<unknown[], R>
}
