/** A small seeded PRNG (mulberry32): deterministic fault schedules, jitter and demo data. */
export type Prng = () => number

export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Picks one element of a non-empty array. */
export function pick<T>(rand: Prng, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T
}
