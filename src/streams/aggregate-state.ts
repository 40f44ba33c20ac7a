import { HashMap } from 'mingo/util'
import { runPipeline } from '../compiler/run-pipeline.js'
import type { AnyStage } from '../dsl/types/pipeline.js'
import { groupPartition, type GroupPartition } from './group-partition.js'

/**
 * The current documents of a live aggregation and its result. Documents keep their first
 * position: a changed run stays where it was, an added one goes last, so incremental and full
 * recomputation see the same input order.
 *
 * @internal
 */
export interface AggregateState<T> {
  reset(docs: Iterable<readonly [string, object]>): void
  upsert(key: string, doc: object): void
  remove(key: string): void
  /** The pipeline's result over the current documents. */
  result(): readonly T[]
}

interface Entry {
  doc: object
  readonly position: number
  /** Its group key; unset while the key waits for the batched computation. */
  group?: { readonly key: unknown }
}

interface Group {
  readonly members: Set<string>
  first: number
  result: object | undefined
}

/** Recomputes only the groups that a document left or joined since the last result. */
function groupedState<T>(partition: GroupPartition): AggregateState<T> {
  const entries = new Map<string, Entry>()
  const groups = HashMap.init<unknown, Group>()
  let touched = HashMap.init<unknown, true>()
  let next = 0

  const leave = (key: string) => {
    const group = entries.get(key)?.group
    if (group === undefined) return
    groups.get(group.key)?.members.delete(key)
    touched.set(group.key, true)
  }

  // A poll's changed documents get their group keys in one mingo run.
  const join = () => {
    const waiting = [...entries].filter(([, entry]) => entry.group === undefined)
    const keys = partition.keys(waiting.map(([, entry]) => entry.doc))
    waiting.forEach(([id, entry], i) => {
      const key = keys[i]
      entry.group = { key }
      const members = groups.get(key)?.members ?? new Set<string>()
      if (members.size === 0) groups.set(key, { members, first: 0, result: undefined })
      members.add(id)
      touched.set(key, true)
    })
  }

  const summarize = (group: Group) => {
    const members = [...group.members].map((id) => entries.get(id)!).sort((a, b) => a.position - b.position)
    group.first = members[0]!.position
    group.result = runPipeline<object>(
      members.map((entry) => entry.doc),
      [partition.stage],
    )[0]
  }

  const upsert = (id: string, doc: object) => {
    const entry = entries.get(id)
    leave(id)
    if (entry === undefined) entries.set(id, { doc, position: next++ })
    else entries.set(id, { doc, position: entry.position })
  }

  return {
    reset(docs) {
      entries.clear()
      groups.clear()
      touched = HashMap.init()
      for (const [id, doc] of docs) upsert(id, doc)
    },
    upsert,
    remove(id) {
      leave(id)
      entries.delete(id)
    },
    result() {
      join()
      for (const key of touched.keys()) {
        const group = groups.get(key)
        if (group === undefined) continue
        if (group.members.size === 0) groups.delete(key)
        else summarize(group)
      }
      touched = HashMap.init()
      const ordered = [...groups]
        .sort(([a, x], [b, y]) => partition.rank(a, x.first) - partition.rank(b, y.first))
        .flatMap(([, group]) => (group.result ? [group.result] : []))
      return partition.rest.length === 0 ? (ordered as T[]) : runPipeline<T>(ordered, partition.rest)
    },
  }
}

/** Recomputes the whole pipeline over the current documents. */
function wholeState<T>(pipeline: readonly AnyStage[]): AggregateState<T> {
  const docs = new Map<string, object>()
  return {
    reset(entries) {
      docs.clear()
      for (const [key, doc] of entries) docs.set(key, doc)
    },
    upsert: (key, doc) => void docs.set(key, doc),
    remove: (key) => void docs.delete(key),
    result: () => runPipeline<T>([...docs.values()], pipeline),
  }
}

/**
 * The state of a live aggregation over keyed documents (runs by path). When the first stage
 * groups (`$group`, `$bucket`, `$sortByCount`), a result recomputes only the groups a changed
 * document left or joined, then runs the remaining stages over the group results; otherwise it
 * recomputes the whole pipeline. Either way the result equals `runPipeline` over the current
 * documents in position order.
 *
 * @example
 * ```ts
 * const state = createAggregateState(pipeline)
 * state.reset(runs.map((run) => [run.path, run]))
 * state.upsert(changed.path, changed)
 * state.result()
 * ```
 * @internal
 */
export function createAggregateState<T>(pipeline: readonly AnyStage[]): AggregateState<T> {
  const partition = groupPartition(pipeline)
  return partition ? groupedState<T>(partition) : wholeState<T>(pipeline)
}
