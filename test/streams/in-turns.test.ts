import { describe, expect, it } from 'vitest'
import { inTurns } from '../../src/streams/in-turns.js'

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

describe('inTurns', () => {
  it('runs tasks one at a time in the order they were handed in, not the order their inputs arrive', async () => {
    const inTurn = inTurns()
    const log: string[] = []
    const task = (name: string, input: Promise<string>) =>
      inTurn(async () => {
        log.push(`start ${name}`)
        const value = await input
        log.push(`end ${name}`)
        return value
      })
    const slow = task('a', later('A', 30))
    const fast = task('b', later('B', 1))
    expect(await Promise.all([slow, fast])).toEqual(['A', 'B'])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b'])
  })

  it('a failing task fails alone; the next one still runs', async () => {
    const inTurn = inTurns()
    const failing = inTurn(() => Promise.reject(new Error('boom')))
    const next = inTurn(async () => 'ok')
    await expect(failing).rejects.toThrow('boom')
    expect(await next).toBe('ok')
  })
})
