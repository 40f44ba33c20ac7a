import { HashMap } from 'mingo/util'
import { runPipeline } from '../compiler/run-pipeline.js'
import type { AggregateState } from './aggregate-state.js'
import type { GroupPartition } from './group-partition.js'

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

/**
 * The live state of a pipeline whose first stage groups: a result recomputes only the groups a
 * document left or joined since the last one (their members in position order), reuses the
 * other groups' results, orders the groups as the stage does and runs the remaining stages.
 *
 * @example
 * ```ts
 * const state = groupedState(groupPartition(pipeline)!)
 * state.reset(runs.map((run) => [run.path, run]))
 * state.result()
 * ```
 * @internal
 */
export function groupedState<T>(partition: GroupPartition): AggregateState<T> {
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
