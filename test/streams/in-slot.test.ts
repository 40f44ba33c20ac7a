import { Observable, Subject } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { inSlot } from '../../src/streams/in-slot.js'
import { Semaphore } from '../../src/streams/semaphore.js'
import { record } from '../support/recorder.js'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

/** A source that reports when it is subscribed and torn down. */
function probe() {
  const subject = new Subject<number>()
  const state = { subscribed: false, tornDown: false }
  const source = new Observable<number>((subscriber) => {
    state.subscribed = true
    const subscription = subject.subscribe(subscriber)
    return () => {
      state.tornDown = true
      subscription.unsubscribe()
    }
  })
  return { source, subject, state }
}

/** Two sources competing for one slot, subscribed in order. */
async function twoInOneSlot() {
  const slots = new Semaphore(1)
  const first = probe()
  const second = probe()
  const a = record(inSlot(slots, first.source))
  const b = record(inSlot(slots, second.source))
  await tick()
  return { first, second, a, b }
}

describe('inSlot', () => {
  it('runs the source holding a slot, emits its values as one array, and frees the slot', async () => {
    const { first, second, a, b } = await twoInOneSlot()
    expect([first.state.subscribed, second.state.subscribed]).toEqual([true, false])
    first.subject.next(1)
    first.subject.next(2)
    first.subject.complete()
    expect(await a.done()).toEqual([[1, 2]])
    await tick()
    expect(second.state.subscribed).toBe(true)
    second.subject.complete()
    expect(await b.done()).toEqual([[]])
  })

  it('unsubscribing tears the source down and lets the next one in', async () => {
    const { first, second, a, b } = await twoInOneSlot()
    a.unsubscribe()
    expect(first.state.tornDown).toBe(true)
    await tick()
    expect(second.state.subscribed).toBe(true)
    b.unsubscribe()
    expect(second.state.tornDown).toBe(true)
    expect([a.values, b.values]).toEqual([[], []])
  })
})
