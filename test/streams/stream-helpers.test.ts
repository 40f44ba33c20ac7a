import { describe, expect, it } from 'vitest'
import { rowsInWindow } from '../../src/streams/rows-in-window.js'
import { sameJson } from '../../src/streams/same-json.js'
import { Semaphore } from '../../src/streams/semaphore.js'
import { stepWindows } from '../../src/streams/step-windows.js'
import { watchRowsQuery, watchStatusQuery } from '../../src/streams/watch-queries.js'

describe('stepWindows', () => {
  it.each([
    [
      0,
      2500,
      1000,
      [
        [0, 1000],
        [1000, 2000],
        [2000, 2500],
      ],
    ],
    [5, 7, 1000, [[5, 7]]],
    [0, 0, 10, []],
    [10, 5, 10, []],
    [
      0,
      3,
      1,
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    ],
  ])('[%i, %i) by %i', (from, to, size, expected) => {
    expect([...stepWindows(from, to, size)].map((w) => [w.minStep, w.maxStep])).toEqual(expected)
  })
  it('rejects a page size below 1', () => {
    expect(() => [...stepWindows(0, 10, 0)]).toThrow(RangeError)
  })
})

describe('rowsInWindow', () => {
  it.each([
    ['in order', [0, 1, 2], [0, 1, 2]],
    ['out of window', [0, 5, 9, 10], [5, 9]],
    ['unsorted', [7, 5, 6], [5, 6, 7]],
  ])('%s', (_name, input, expected) => {
    const rows = input.map((_step) => ({ _step }))
    expect(rowsInWindow(rows, { minStep: 5, maxStep: 10 }).map((r) => r._step)).toEqual(
      expected.filter((s) => s >= 5 && s < 10),
    )
  })
})

describe('sameJson', () => {
  it.each([
    [{ a: NaN, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: NaN }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], { 0: 1, 1: 2 }, false],
    [new Date(5), new Date(5), true],
    [Infinity, Infinity, true],
    [null, {}, false],
  ])('%j vs %j', (a, b, equal) => {
    expect(sameJson(a, b)).toBe(equal)
  })
})

describe('Semaphore', () => {
  it('hands out at most `size` slots and queues the rest in order', async () => {
    const slots = new Semaphore(2)
    const order: number[] = []
    const a = await slots.acquire()
    await slots.acquire()
    const third = slots.acquire().then((release) => (order.push(3), release))
    const fourth = slots.acquire().then((release) => (order.push(4), release))
    await Promise.resolve()
    expect(order).toEqual([])
    a()
    a() // a second release is a no-op
    ;(await third)()
    await fourth
    expect(order).toEqual([3, 4])
  })

  it('an aborted wait gives up its place', async () => {
    const slots = new Semaphore(1)
    const release = await slots.acquire()
    const controller = new AbortController()
    const waiting = slots.acquire(controller.signal)
    controller.abort(new Error('stop'))
    await expect(waiting).rejects.toThrow('stop')
    release()
    await expect(slots.acquire()).resolves.toBeTypeOf('function')
  })
})

describe('watch queries', () => {
  const runs = [
    { entity: 'e', project: 'p', id: 'a' },
    { entity: 'e', project: 'q', id: 'b' },
  ]
  it('batch every run status into one aliased document', () => {
    const { query, variables } = watchStatusQuery(runs)
    expect(query).toContain('r0: project(name: $p0, entityName: $e0) { run(name: $n0) {')
    expect(query).toContain('r1: project(name: $p1, entityName: $e1)')
    expect(variables).toEqual({ e0: 'e', p0: 'p', n0: 'a', e1: 'e', p1: 'q', n1: 'b' })
  })
  it('ask history windows with an exclusive maxStep, sampledHistory specs with an inclusive one', () => {
    const windows = runs.map((run, i) => ({ run, window: { minStep: 10 * i, maxStep: 10 * i + 5 } }))
    const plain = watchRowsQuery(windows, undefined)
    expect(plain.query).toContain(
      'h1: project(name: $p1, entityName: $e1) { run(name: $n1) { history(minStep: $min1, maxStep: $max1, samples: $s1) } }',
    )
    expect(plain.variables).toMatchObject({ min1: 10, max1: 15, s1: 5 })
    const keyed = watchRowsQuery(windows, ['loss'])
    expect(JSON.parse((keyed.variables['spec1'] as string[])[0] ?? '')).toEqual({
      keys: ['loss', '_step'],
      minStep: 10,
      maxStep: 14,
      samples: 5,
    })
  })
})
