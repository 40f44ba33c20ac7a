/**
 * Regenerates test/fixtures/official-graphql-fields.json: every field, argument and input key the
 * official W&B clients send, read from a local copy of `wandb/wandb` (Go wandb-core's
 * `core/api/graphql/*.graphql` and genqlient's `core/internal/gql/gql_gen.go`, the Python codegen's
 * `tools/graphql_codegen/**\/*.graphql` and input types, and the GraphQL strings of `wandb/**\/*.py`).
 *
 *   npx tsx scripts/official-graphql-fields.ts <wandb-checkout> [commit]
 *
 * The checkout can be a `git worktree add` or a `git archive` of a mirror; pass its commit when
 * the directory is not a git work tree. Documents that do not parse (Python strings with `%s` holes
 * in awkward places) are listed on stderr and skipped.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { parse, Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql'
import { walkDocument, type GraphQLShape } from '../test/support/graphql-shape.js'

const root = process.argv[2]
if (!root) throw new Error('usage: tsx scripts/official-graphql-fields.ts <wandb-checkout> [commit]')
const commit =
  process.argv[3] ?? execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()

const filesUnder = (dir: string, ending: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ending) && !f.includes('vendor'))
    .map((f) => join(dir, f))
    .sort()

/**
 * Holes the Python code fills with GraphQL text, per operation: one list of fills per variant, in
 * the holes' order (`runs.py` `Run.delete(delete_artifacts=True)` and `Run._full_history(stream)`).
 */
const FILLS: Record<string, string[][]> = {
  DeleteRun: [['$deleteArtifacts: Boolean', 'deleteArtifacts: $deleteArtifacts'], []],
  RunFullHistory: [['history'], ['events']],
}

/**
 * Python: triple-quoted strings that start like a GraphQL definition (after `#graphql` comments).
 * Holes are filled from FILLS or emptied: f-string and `.format` fields (`{fragment}`,
 * `...{name}`; `{{`/`}}` are braces), `%s`, and `_NAME_` markers that the code `.replace()`s;
 * an argument list left empty by that is dropped.
 */
const pythonDocuments = (text: string): string[] => {
  const out: string[] = []
  for (const m of text.matchAll(/((?<!\w)[fFrR]{0,2})("""|\'\'\')([\s\S]*?)\2/g)) {
    const body = m[3]!
    if (!/^\s*(#.*\n\s*)*(query|mutation|fragment)\b/.test(body)) continue
    const format = /f/i.test(m[1]!) || body.includes('{{')
    const braces = format ? body.replace(/\{\{/g, '\u0001').replace(/\}\}/g, '\u0002') : body
    const name = /(?:query|mutation|fragment)\s+(\w+)/.exec(body)?.[1] ?? ''
    for (const fills of FILLS[name] ?? [[]]) {
      let hole = 0
      out.push(
        braces
          .replace(
            format ? /(\.\.\.)?\{[^{}\u0001\u0002]*\}/g : /\{[A-Za-z_][\w.]*\}(?=\s*(\n|$))/g,
            () => fills[hole++] ?? '',
          )
          .replace(/%\(\w+\)s|%s|\b_[A-Z_]+_\b/g, '')
          .replace(/\u0001/g, '{')
          .replace(/\u0002/g, '}')
          .replace(/\(\s*\)/g, ''),
      )
    }
  }
  return out
}

const sources: { file: string; text: string }[] = [
  ...filesUnder('core/api/graphql', '.graphql'),
  ...filesUnder('tools/graphql_codegen', '.graphql'),
].map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }))
for (const file of filesUnder('wandb', '.py')) {
  pythonDocuments(readFileSync(join(root, file), 'utf8')).forEach((text) => sources.push({ file, text }))
}

const documents: { file: string; doc: DocumentNode }[] = []
const skipped: string[] = []
for (const { file, text } of sources) {
  try {
    documents.push({ file, doc: parse(text) })
  } catch (error) {
    skipped.push(`${file}: ${(error as Error).message.split('\n')[0]} :: ${text.trim().split('\n')[0]}`)
  }
}
const fragments = new Map<string, FragmentDefinitionNode>()
for (const { doc } of documents) {
  for (const def of doc.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def)
}

/** genqlient names the GraphQL type of each generated struct in its comment. */
const returns = new Map<string, string>()
const inputTypes: Record<string, Record<string, string>> = {}
const goFile = readFileSync(join(root, 'core/internal/gql/gql_gen.go'), 'utf8')
const goTypes = new Map<string, string>()
for (const m of goFile.matchAll(
  /^\/\/ (\w+) includes the (?:requested fields of the GraphQL type|GraphQL fields of) (\w+)/gm,
)) {
  goTypes.set(m[1]!, m[2]!)
}
const roots = new Map<string, string>()
for (const { doc } of documents) {
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && def.name)
      roots.set(def.name.value, def.operation === 'mutation' ? 'Mutation' : 'Query')
  }
}
for (const m of goFile.matchAll(/^\/\/ (\w+) is returned by (\w+) on success/gm)) {
  const root = roots.get(m[2]!)
  if (root) goTypes.set(m[1]!, root)
}
for (const m of goFile.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
  const fields = [...m[2]!.matchAll(/^\t\w+\s+[*[\]]*(\w+)\s+`json:"(\w+)/gm)]
  const owner = goTypes.get(m[1]!)
  if (owner) {
    for (const [, goType, json] of fields) {
      const child = goTypes.get(goType!)
      if (child) returns.set(`${owner}.${json}`, child)
    }
  } else if (/Input$/.test(m[1]!) && !m[1]!.startsWith('__')) {
    inputTypes[m[1]!] = Object.fromEntries(fields.map(([, goType, json]) => [json!, goType!]))
  }
}
/** The Python codegen's pydantic input classes (generated from W&B's schema). */
for (const file of filesUnder('wandb', 'input_types.py')) {
  const text = readFileSync(join(root, file), 'utf8')
  for (const m of text.matchAll(/^class (\w+)\(GQLInput\):\n((?:(?: {4}.*)?\n)*)/gm)) {
    const fields: Record<string, string> = (inputTypes[m[1]!] ??= {})
    for (const f of m[2]!.matchAll(/^ {4}(\w+): ([^=\n]+?)(?: = (.*))?$/gm)) {
      const alias = /alias="(\w+)"/.exec(f[3] ?? '')?.[1] ?? f[1]!
      fields[alias] = /\b([A-Z]\w*Input)\b/.exec(f[2]!)?.[1] ?? 'scalar'
    }
  }
}

const shape: GraphQLShape = { fields: {}, returns: {}, byName: {}, inputKeys: {}, inputRefs: {}, inputTypes }
const add = (record: Record<string, string[]>, key: string, value: string) => {
  const list = (record[key] ??= [])
  if (!list.includes(value)) list.push(value)
}
// Learn field types until no selection teaches a new one, then record everything once.
const byName = new Map<string, string>()
const isType = (name: string) => !name.includes('.')
for (let size = -1; size !== returns.size;) {
  size = returns.size
  for (const { doc } of documents) walkDocument(doc, fragments, { returns, byName }, () => {}, true)
  const named = new Map<string, Set<string>>()
  for (const [key, type] of returns) {
    if (isType(type))
      named.set(
        key.slice(key.lastIndexOf('.') + 1),
        (named.get(key.slice(key.lastIndexOf('.') + 1)) ?? new Set()).add(type),
      )
  }
  byName.clear()
  for (const [field, types] of named) if (types.size === 1) byName.set(field, [...types][0]!)
}
for (const { doc } of documents) {
  walkDocument(doc, fragments, { returns, byName }, (site) => {
    if (site.kind === 'field') (shape.fields[site.parent] ??= {})[site.field] ??= {}
    if (site.kind === 'argument') {
      const args = ((shape.fields[site.parent] ??= {})[site.field] ??= {})
      args[site.argument] ??= []
      if (site.type) add(args, site.argument, site.type)
    }
    if (site.kind === 'input-key') add(shape.inputKeys, site.at, site.key)
    if (site.kind === 'input-ref') add(shape.inputRefs, site.at, site.type)
  })
}
Object.assign(shape.returns, Object.fromEntries(returns))
Object.assign(shape.byName, Object.fromEntries(byName))

const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? [...value].sort()
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value
const out = join(import.meta.dirname, '../test/fixtures/official-graphql-fields.json')
const files = [...new Set(documents.map((d) => relative('.', d.file)))]
const json = JSON.stringify({
  source: { repository: 'wandb/wandb', commit, files: files.sort() },
  ...(sorted(shape) as object),
})
writeFileSync(out, await format(json, { ...(await resolveConfig(out)), filepath: out }))
process.stderr.write(`${documents.length} documents from ${files.length} files; ${skipped.length} skipped:\n`)
process.stderr.write(skipped.map((s) => `  ${s}\n`).join(''))
