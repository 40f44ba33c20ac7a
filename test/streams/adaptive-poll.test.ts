import { TestScheduler } from 'rxjs/testing'
import { describe, expect, it } from 'vitest'
import { adaptivePoll } from '../../src/streams/adaptive-poll.js'
import { pollDelay } from '../../src/streams/poll-delay.js'

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected))

describe('pollDelay', () => {
  it.each([
    [0, 5000],
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [4, 40_000],
    [30, 40_000],
  ])('after %i idle polls waits %i ms (base 5 s, cap 8×)', (idle, delay) => {
    expect(pollDelay(5000, idle)).toBe(delay)
  })

  it('honours factor and maxIntervalMs, and never goes below the base interval', () => {
    expect([0, 1, 2, 3].map((idle) => pollDelay(100, idle, { factor: 3, maxIntervalMs: 500 }))).toEqual([
      100, 300, 500, 500,
    ])
    expect(pollDelay(100, 2, { maxIntervalMs: 50 })).toBe(100)
  })
})

describe('adaptivePoll (marbles)', () => {
  it('backs off while polls see no change and resets on a change', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      // c = a change, n = nothing new; each poll answers one frame after it starts.
      const answers = ['-(c|)', '-(n|)', '-(n|)', '-(c|)', '-(n|)'].map((marbles) => cold(marbles))
      let polls = 0
      const result = adaptivePoll(() => answers[polls++] ?? cold('|'), {
        intervalMs: 10,
        maxIntervalMs: 40,
        isChange: (v) => v === 'c',
        isDone: () => polls === answers.length,
      })
      // waits: 10 after a change, then 20, 40 (cap) while idle, 10 again after the change
      expectObservable(result).toBe('-c 10ms n 20ms n 40ms c 10ms (n|)')
      const startedAt = [0, 11, 32, 73, 84]
      answers.forEach((answer, i) =>
        expectSubscriptions(answer.subscriptions).toBe(`${'-'.repeat(startedAt[i] ?? 0)}^!`),
      )
    })
  })

  it('never overlaps polls: a slow poll delays the next one', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const answers = [cold('-----(c|)'), cold('-(c|)')]
      let polls = 0
      const result = adaptivePoll(() => answers[polls++] ?? cold('|'), {
        intervalMs: 3,
        isChange: () => true,
        isDone: () => polls === answers.length,
      })
      expectObservable(result).toBe('-----c 3ms (c|)')
    })
  })

  it('stops polling on unsubscribe', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const result = adaptivePoll(() => cold('-(c|)'), {
        intervalMs: 5,
        isChange: () => true,
        isDone: () => false,
      })
      expectObservable(result, '^ 8ms !').toBe('-c 5ms c')
    })
    // the third poll would have started at frame 12, after the unsubscribe at 9
  })

  it('propagates a poll error and polls no more', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const answers = [cold('-(c|)'), cold('-#', undefined, new Error('HTTP 500'))]
      let polls = 0
      const result = adaptivePoll(() => answers[polls++] ?? cold('-c|'), {
        intervalMs: 2,
        isChange: () => true,
        isDone: () => false,
      })
      expectObservable(result).toBe('-c 2ms #', undefined, new Error('HTTP 500'))
    })
  })
})
