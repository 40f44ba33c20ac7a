import { EMPTY, firstValueFrom, from, of, toArray, type Observable } from 'rxjs'
import { describe, expect, it, vi } from 'vitest'
import type { Run } from '../../src/codecs/run.js'
import type { CompiledRunsQuery } from '../../src/compiler/compiled-runs-query.js'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import type { RunsQueryRuntime } from '../../src/dsl/runs-query-runtime.js'
import { WandbError } from '../../src/errors/wandb-error.js'
import { makeRun } from '../../src/testing/make-run.js'
import { groupCurves } from '../../src/curves/group-curves.js'

const runs = [makeRun({ id: 'a', summary: { loss: 0.1 } }), makeRun({ id: 'b', summary: { loss: 0.5 } })]

/** A runtime that records the compiled queries it receives and serves `runs` through the residual. */
function fakeRuntime() {
  const seen: CompiledRunsQuery[] = []
  const select = (q: CompiledRunsQuery) => {
    seen.push(q)
    return runs.filter((r) => q.testResidual(r)).slice(0, q.limit ?? Infinity)
  }
  const runtime: RunsQueryRuntime = {
    stream: (q): Observable<Run> => from(select(q)),
    pages: (q) => of({ runs: select(q), cursor: null, hasNextPage: false }),
    iterate: (q) =>
      (async function* () {
        yield* select(q)
      })(),
    count: async (q) => select(q).length,
    live: (q, options) => {
      expect(options).toEqual({ intervalMs: 5 })
      return of({ type: 'snapshot' as const, runs: select(q) })
    },
    curves: (q, options) =>
      of(
        groupCurves(
          select(q).map((run) => ({ run, rows: [] })),
          options,
        ),
      ),
  }
  return { runtime, seen }
}

describe('createRunsQuery: an immutable builder', () => {
  const base = createRunsQuery({ entity: 'team', project: 'mnist' })

  it('returns a new query from every method and never changes the old one', () => {
    const filtered = base.where({ state: 'finished' })
    const ordered = filtered.orderBy('-createdAt')
    const chained = ordered.perPage(10).limit(3).lazy().after('c1').sortLocally()
    for (const q of [filtered, ordered, chained]) expect(q).not.toBe(base)
    expect(base.node.where).toBeNull()
    expect(base.compile().variables).toEqual({
      project: 'mnist',
      entity: 'team',
      filters: '{}',
      order: '+created_at',
      perPage: 50,
      cursor: null,
    })
    expect(filtered.compile().variables.order).toBe('+created_at')
    expect(ordered.compile().variables.order).toBe('-created_at')
    expect(chained.node).toMatchObject({
      perPage: 10,
      limit: 3,
      lazy: true,
      cursor: 'c1',
      sortLocally: { maxRuns: 10_000 },
    })
  })

  it('holds a frozen node tree and compiles to a frozen query, cached per instance', () => {
    const q = base.where({ tags: 'a' }).orderBy('+summary.loss')
    expect(Object.isFrozen(q.node)).toBe(true)
    expect(Object.isFrozen(q.node.orderBy)).toBe(true)
    const compiled = q.compile()
    expect(Object.isFrozen(compiled)).toBe(true)
    expect(Object.isFrozen(compiled.variables)).toBe(true)
    expect(Object.isFrozen(compiled.serverFilter)).toBe(true)
    expect(q.compile()).toBe(compiled)
    expect(compiled.node).toBe(q.node)
  })

  it('does not expose its implementation', () => {
    expect(Object.keys(base)).toEqual([])
  })

  it('shares safely: two extensions of one base are independent', () => {
    const finished = base.where({ state: 'finished' })
    const a = finished.where({ tags: 'a' })
    const b = finished.where({ tags: 'b' })
    expect(a.compile().variables.filters).toBe('{"state":"finished","tags":"a"}')
    expect(b.compile().variables.filters).toBe('{"state":"finished","tags":"b"}')
  })

  it('orderBy replaces earlier keys; orderBy() with none restores the default', () => {
    const q = base.orderBy('-createdAt').orderBy('+summary.loss')
    expect(q.compile().variables.order).toBe('+summary_metrics.loss')
    expect(q.orderBy().compile().variables.order).toBe('+created_at')
  })

  it('select() and lazy() pick the fragment', () => {
    expect(base.lazy().compile().document).toContain('...LightRunFields')
    expect(base.lazy().compile().document).toContain('fragment LightRunFields on Run')
    expect(base.select('full').compile().document).toContain('...RunFields')
    expect(base.select('light').select('full').compile().lazy).toBe(false)
  })

  it('carries an extraFilter into every query', () => {
    const sweep = createRunsQuery({ project: 'p', extraFilter: { sweepName: 'sw1' } })
    expect(sweep.where({ state: 'finished' }).compile().variables.filters).toBe(
      '{"sweep":"sw1","state":"finished"}',
    )
  })

  it('matches(run) works offline', () => {
    const q = base.where((f) => f.summary('loss').lt(0.2))
    expect(runs.map((r) => q.matches(r))).toEqual([true, false])
  })
})

describe('execution delegates to the runtime', () => {
  it('stream, pages, async iteration, toArray, first, count and live', async () => {
    const { runtime, seen } = fakeRuntime()
    const q = createRunsQuery({ project: 'mnist', runtime }).where({
      'systemMetrics.gpu': { $exists: false },
    })
    expect(await firstValueFrom(q.stream().pipe(toArray()))).toEqual(runs)
    expect((await firstValueFrom(q.pages())).runs).toEqual(runs)
    const iterated: Run[] = []
    for await (const run of q) iterated.push(run)
    expect(iterated).toEqual(runs)
    expect(await q.toArray()).toEqual(runs)
    expect(await q.first()).toBe(runs[0])
    expect(seen.at(-1)?.limit).toBe(1)
    expect(await q.count()).toBe(2)
    expect(await firstValueFrom(q.live({ intervalMs: 5 }))).toEqual({ type: 'snapshot', runs })
    expect(seen.every((c) => c.residual !== null)).toBe(true)
  })

  it('first() resolves undefined on an empty result', async () => {
    const runtime = { ...fakeRuntime().runtime, stream: vi.fn(() => EMPTY) }
    expect(await createRunsQuery({ project: 'p', runtime }).first()).toBeUndefined()
  })

  it('without a runtime, execution throws a clear WandbError but compile() works', () => {
    const q = createRunsQuery({ project: 'p' })
    for (const run of [
      () => q.stream(),
      () => q.pages(),
      () => q[Symbol.asyncIterator](),
      () => q.count(),
      () => q.live(),
    ])
      expect(run).toThrowError(
        new WandbError(
          'no Api attached: use api.runs(...) to execute a query (compile() and matches() work without one)',
        ),
      )
    expect(() => q.compile()).not.toThrow()
  })

  it('compile errors surface before any request', () => {
    const { runtime, seen } = fakeRuntime()
    expect(() => createRunsQuery({ project: 'p', runtime }).orderBy('+state').stream()).toThrow(/sortLocally/)
    expect(seen).toEqual([])
  })
})
