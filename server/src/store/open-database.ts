import Database from 'better-sqlite3'
import { registerRegexp } from '../filters/regexp.js'
import { MIGRATIONS } from './migrations.js'

export type Db = Database.Database

/**
 * Opens (or creates) the database, applies pending migrations and registers `regexp`.
 *
 * On disk: WAL with `synchronous = FULL`, so a committed transaction is fsynced before the HTTP
 * reply goes out. (WAL alone already survives `kill -9` of this process, since committed pages
 * sit in the OS cache; FULL extends the guarantee to power loss and OS crashes.)
 */
export function openDatabase(path: string): Db {
  const db = new Database(path)
  if (path !== ':memory:' && path !== '') {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
  }
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  registerRegexp(db)
  migrate(db)
  return db
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > MIGRATIONS.length) {
    throw new Error(`database schema v${version} is newer than this server (v${MIGRATIONS.length})`)
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
