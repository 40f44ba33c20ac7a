import type { Subscription } from 'rxjs'
import { FilterCompileError, type Api, type Run } from 'wandb-rx'
import { $, formatValue, h } from './dom.js'

/** A sortable column of the runs table. */
interface Column {
  readonly label: string
  readonly value: (run: Run) => unknown
}

/** The numeric top-level summary keys of these runs (at most `max`), the metric columns. */
export function metricKeys(runs: readonly Run[], max = 4): string[] {
  const keys = new Set<string>()
  for (const run of runs)
    for (const [key, value] of Object.entries(run.summary))
      if (!key.startsWith('_') && typeof value === 'number') keys.add(key)
  return [...keys].sort().slice(0, max)
}

const compare = (a: unknown, b: unknown): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : a instanceof Date && b instanceof Date
      ? a.getTime() - b.getTime()
      : String(a ?? '').localeCompare(String(b ?? ''))

/**
 * The runs table of one project: a filter box taking the same JSON as `--where` (errors shown
 * inline, from `FilterCompileError`), sortable columns, state badges, and rows kept current by
 * `query.live()`. Calls `onChange` with the runs in table order after each update.
 */
export class RunsView {
  readonly #api: Api
  readonly #onChange: (runs: readonly Run[], selected: ReadonlySet<string>) => void
  readonly #onOpen: (run: Run) => void
  #runs = new Map<string, Run>()
  #selected = new Set<string>()
  #sort: { column: string; direction: 1 | -1 } = { column: 'Created', direction: -1 }
  #live: Subscription | undefined
  #project = ''

  constructor(
    api: Api,
    onChange: (runs: readonly Run[], selected: ReadonlySet<string>) => void,
    onOpen: (run: Run) => void,
  ) {
    this.#api = api
    this.#onChange = onChange
    this.#onOpen = onOpen
    $<HTMLFormElement>('#filter-form').addEventListener('submit', (event) => {
      event.preventDefault()
      this.#follow()
    })
  }

  /** Shows `entity/project`, with the filter box's current filter. */
  show(project: string): void {
    this.#project = project
    this.#selected.clear()
    this.#follow()
  }

  /** (Re)subscribes the live query for the current project and filter. */
  #follow(): void {
    const error = $('#filter-error')
    const text = $<HTMLInputElement>('#filter').value.trim()
    let filter: Record<string, unknown>
    try {
      filter = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>)
      if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
        throw new SyntaxError('expected a JSON object')
    } catch (e) {
      error.textContent = `not valid JSON: ${(e as Error).message}`
      return
    }
    let query
    try {
      // where() validates the filter, compile() splits it: either may throw FilterCompileError.
      query = this.#api.runs(this.#project).where(filter)
      query.compile()
    } catch (e) {
      if (!(e instanceof FilterCompileError)) throw e
      error.textContent = e.message
      return
    }
    error.textContent = ''
    this.#live?.unsubscribe()
    this.#runs = new Map()
    this.#live = query.live({ intervalMs: 1000 }).subscribe({
      next: (event) => {
        if (event.type === 'snapshot') this.#runs = new Map(event.runs.map((r) => [r.path, r]))
        else if (event.type === 'removed') this.#runs.delete(event.run.path)
        else this.#runs.set(event.run.path, event.run)
        this.#render()
      },
      error: (e: unknown) => (error.textContent = String((e as Error).message ?? e)),
    })
  }

  #columns(runs: readonly Run[]): Column[] {
    return [
      { label: 'Name', value: (r) => r.name },
      { label: 'State', value: (r) => r.state },
      { label: 'Created', value: (r) => r.createdAt },
      ...metricKeys(runs).map((key) => ({ label: key, value: (r: Run) => r.summary[key] })),
    ]
  }

  #render(): void {
    const all = [...this.#runs.values()]
    const columns = this.#columns(all)
    const sortBy = columns.find((c) => c.label === this.#sort.column) ?? columns[2]!
    const runs = all.sort((a, b) => this.#sort.direction * compare(sortBy.value(a), sortBy.value(b)))
    if (this.#selected.size === 0) for (const r of runs.slice(0, 5)) this.#selected.add(r.path)
    const head = h(
      'tr',
      {},
      h('th', {}, ''),
      ...columns.map((c) => {
        const arrow = c.label === sortBy.label ? (this.#sort.direction === 1 ? ' ▲' : ' ▼') : ''
        const th = h('th', { 'data-column': c.label }, c.label + arrow)
        th.addEventListener('click', () => {
          const direction = c.label === this.#sort.column ? (-this.#sort.direction as 1 | -1) : 1
          this.#sort = { column: c.label, direction }
          this.#render()
        })
        return th
      }),
    )
    $('#runs thead').replaceChildren(head)
    $('#runs tbody').replaceChildren(...runs.map((run) => this.#row(run, columns)))
    this.#onChange(runs, this.#selected)
  }

  #row(run: Run, columns: readonly Column[]): HTMLTableRowElement {
    const box = h('input', { type: 'checkbox', title: 'chart this run' })
    box.checked = this.#selected.has(run.path)
    box.addEventListener('change', () => {
      if (box.checked) this.#selected.add(run.path)
      else this.#selected.delete(run.path)
      this.#render()
    })
    const name = h('a', { href: '#', class: 'run-name' }, run.name)
    name.addEventListener('click', (event) => {
      event.preventDefault()
      this.#onOpen(run)
    })
    const cells = columns.slice(3).map((c) => h('td', { class: 'num' }, formatValue(c.value(run))))
    return h(
      'tr',
      { 'data-run': run.path },
      h('td', {}, box),
      h('td', {}, name),
      h('td', {}, h('span', { class: `badge state-${run.state}` }, run.state)),
      h('td', {}, run.createdAt.toISOString().replace('T', ' ').slice(0, 19)),
      ...cells,
    )
  }
}
