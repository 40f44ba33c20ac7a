import { lastValueFrom, take, toArray } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { orderedConcurrent, orderedConcurrentParts } from '../../src/streams/ordered-concurrent.js'

/** A load whose completion the test controls, recording what is in flight. */
function controlledLoads() {
  const pending = new Map<
    number,
    { resolve: (v: string) => void; reject: (e: unknown) => void; signal: AbortSignal }
  >()
  let inFlight = 0
  let most = 0
  const load = (item: number, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      most = Math.max(most, ++inFlight)
      const done = () => inFlight--
      pending.set(item, {
        resolve: (v) => (done(), resolve(v)),
        reject: (e) => (done(), reject(e)),
        signal,
      })
    })
  return { load, pending, most: () => most }
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('orderedConcurrent', () => {
  it('emits in input order whatever order loads finish in', async () => {
    const { load, pending } = controlledLoads()
    const result = lastValueFrom(orderedConcurrent([0, 1, 2, 3, 4], load, 3).pipe(toArray()))
    await tick()
    expect([...pending.keys()]).toEqual([0, 1, 2])
    pending.get(2)?.resolve('c')
    pending.get(1)?.resolve('b')
    await tick()
    expect([...pending.keys()]).toEqual([0, 1, 2]) // nothing new starts while window 0 holds the head
    pending.get(0)?.resolve('a')
    await tick()
    expect([...pending.keys()]).toEqual([0, 1, 2, 3, 4])
    pending.get(4)?.resolve('e')
    pending.get(3)?.resolve('d')
    expect(await result).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('never has more than `lookahead` loads started and not yet emitted', async () => {
    const { load, pending, most } = controlledLoads()
    const result = lastValueFrom(orderedConcurrent([...Array(20).keys()], load, 4).pipe(toArray()))
    for (let i = 19; i >= 0; i--) {
      await tick()
      for (const [key, p] of pending) if (key >= 0) p.resolve(String(key))
    }
    expect(await result).toHaveLength(20)
    expect(most()).toBe(4)
  })

  it('fails fast on the first error and aborts the other loads', async () => {
    const { load, pending } = controlledLoads()
    const result = lastValueFrom(orderedConcurrent([0, 1, 2], load, 3))
    await tick()
    pending.get(2)?.reject(new Error('window 2 failed'))
    await expect(result).rejects.toThrow('window 2 failed')
    expect(pending.get(0)?.signal.aborted).toBe(true)
  })

  it('unsubscribing (take) aborts what is in flight', async () => {
    const { load, pending } = controlledLoads()
    const result = lastValueFrom(orderedConcurrent([0, 1, 2], load, 2).pipe(take(1)))
    await tick()
    pending.get(0)?.resolve('a')
    expect(await result).toBe('a')
    expect(pending.get(1)?.signal.aborted).toBe(true)
  })

  it('reports an error thrown while reading the input', async () => {
    function* failing() {
      yield 1
      throw new RangeError('bad input')
    }
    await expect(lastValueFrom(orderedConcurrent(failing(), async (i) => i, 2))).rejects.toThrow('bad input')
  })
})

describe('orderedConcurrentParts', () => {
  it("emits each load's parts in order, making a part only after the one before was handed over", async () => {
    const made: string[] = []
    const parts = (item: number) =>
      (async function* () {
        for (const part of ['a', 'b', 'c']) {
          made.push(`${item}${part}`)
          yield `${item}${part}`
        }
      })()
    const seen: string[] = []
    const done = new Promise<void>((resolve, reject) =>
      orderedConcurrentParts([0, 1, 2], async (item) => parts(item), 2).subscribe({
        next: (part) => {
          // Nothing past this part has been made yet: parts are pulled one at a time.
          expect(made.at(-1)).toBe(part)
          seen.push(part)
        },
        error: reject,
        complete: resolve,
      }),
    )
    await done
    expect(seen).toEqual(['0a', '0b', '0c', '1a', '1b', '1c', '2a', '2b', '2c'])
  })

  it('stops pulling parts and starting loads when the subscriber leaves', async () => {
    const made: string[] = []
    const signals: AbortSignal[] = []
    const source = orderedConcurrentParts(
      [0, 1, 2, 3],
      async (item, signal) => {
        signals.push(signal)
        return (async function* () {
          for (const part of ['a', 'b', 'c']) {
            made.push(`${item}${part}`)
            yield `${item}${part}`
          }
        })()
      },
      2,
    )
    expect(await lastValueFrom(source.pipe(take(2), toArray()))).toEqual(['0a', '0b'])
    await tick()
    expect(made).toEqual(['0a', '0b'])
    expect(signals).toHaveLength(3) // 0 and 1, then 2 when 0's turn came; 3 never
  })

  it('errors with what a part throws, after the parts before it', async () => {
    const source = orderedConcurrentParts(
      [0],
      async () =>
        (async function* () {
          yield 'a'
          throw new RangeError('corrupt row group')
        })(),
      2,
    )
    const seen: string[] = []
    await expect(
      new Promise((resolve, reject) =>
        source.subscribe({ next: (p) => seen.push(p), error: reject, complete: () => resolve(seen) }),
      ),
    ).rejects.toThrow('corrupt row group')
    expect(seen).toEqual(['a'])
  })
})
