#!/usr/bin/env node
// The npm registry this project's machines reach serves no packages built for other platforms
// (e.g. @rollup/rollup-darwin-arm64 answers 404). `npm install` then writes lockfile entries whose
// optionalDependencies point at packages the lock does not hold, and `npm ci` rejects the lock as
// out of sync. This drops exactly those dangling optional edges; nothing that installs here changes.
// Usage: node scripts/prune-lockfile.mjs [package-lock.json]
import { readFileSync, writeFileSync } from 'node:fs'

const file = process.argv[2] ?? 'package-lock.json'
const lock = JSON.parse(readFileSync(file, 'utf8'))
const present = new Set(Object.keys(lock.packages))

/** Where npm would look for `name` from the package at `path`: nested first, then each ancestor. */
function resolvable(path, name) {
  let base = path
  for (;;) {
    if (present.has(`${base ? `${base}/` : ''}node_modules/${name}`)) return true
    if (!base) return false
    const cut = base.lastIndexOf('/node_modules/')
    base = cut < 0 ? '' : base.slice(0, cut)
  }
}

let pruned = 0
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (resolvable(path, name)) continue
    delete entry.optionalDependencies[name]
    pruned++
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies
}
if (pruned > 0) writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`prune-lockfile: dropped ${pruned} optional dependencies this registry does not serve`)
