/**
 * The concurrency-limit arithmetic of {@link AdaptiveSlots}, pure and clock-free: fed with round
 * trip times and pushback signals, it answers how many requests may be in flight.
 *
 * It is TCP Vegas (Brakmo & Peterson, 1995) as Netflix's concurrency-limits `VegasLimit` applies it
 * to request concurrency, plus AIMD's multiplicative decrease on explicit pushback:
 *
 * - once per window of `limit` requests (one round trip), `rtt` is the window's mean RTT (its
 *   lowest RTT, as Linux's Vegas takes, hid a queue of 6 until the limit was 16);
 * - `noLoad` is the midpoint of the lowest single RTT seen (Vegas' BaseRTT) and the lowest window
 *   mean (concurrency-limits' windowed Vegas). The lowest single RTT reads latency jitter as a
 *   queue (in a model with 20 ± 10 ms of jitter and a server with room to spare, the limit held
 *   at 9 of 16); the lowest mean reads a queue already present in the first windows as no load
 *   (on a CPU-bound local server it held 10–11 where 8 is best: 8% below the best fixed
 *   concurrency). The midpoint halves both errors: 16 of 16 in that model, within 2% of the best
 *   fixed concurrency there;
 * - every `probeEvery` windows one window runs at a quarter of the limit to measure `noLoad`
 *   again (BBR's ProbeRTT), so a server that became slower is relearnt;
 * - the estimated queue is `limit × (1 − noLoad / rtt)`: requests waiting at the server rather
 *   than being served (it equals `limit − throughput × noLoad`, the limit less the bandwidth-delay
 *   product); with `step = max(1, log10 limit)`, `alpha = step`, `beta = 3 step` (Vegas' own 1 and
 *   3; concurrency-limits' 3 and 6 kept 6 requests queued, which on a CPU-bound server cost 12%
 *   of throughput against the best fixed concurrency):
 * - queue < `alpha`: grow by `step`, or double until a queue is first seen (TCP's slow start);
 *   queue > `beta`: shrink by the excess over `beta`, at least `step` (latency is rising, more
 *   concurrency only queues); queue ≥ ⅔ of the limit (the round trip tripled): halve; in
 *   between: hold;
 * - pushback (429, `Retry-After`, `RateLimit-Remaining: 0`): halve, at most once per `limit`
 *   completed requests, so one burst of 429s answering one window of requests halves once.
 *
 * A limit only grows while it is used (`inFlight` at least half of it), so a quiet client does
 * not drift to the maximum and then burst.
 *
 * @example
 * ```ts
 * const limit = new AdaptiveLimit({ max: 16 })
 * limit.sample(25, 2) // 25 ms round trip with 2 requests in flight
 * limit.pushback() // a 429: the limit halves
 * limit.current // e.g. 1
 * ```
 */
export class AdaptiveLimit {
  #limit: number
  #lowestRtt = Infinity
  #lowestMean = Infinity
  #windows = 0
  #probing: number | undefined
  #window = { count: 0, rttSum: 0, minRtt: Infinity, maxInFlight: 0 }
  #slowStart = true
  #sinceDrop = Infinity
  #dropWindow = 0
  readonly #min: number
  readonly #max: number
  readonly #probeEvery: number

  constructor(options: AdaptiveLimitOptions = {}) {
    this.#max = options.max ?? 16
    if (!Number.isInteger(this.#max) || this.#max < 1)
      throw new RangeError(`maxConcurrency must be an integer ≥ 1, got ${this.#max}`)
    this.#min = Math.min(options.min ?? 1, this.#max)
    this.#limit = clamp(options.initial ?? 4, this.#min, this.#max)
    this.#probeEvery = options.probeEvery ?? 50
  }

  /** How many requests may be in flight now (an integer ≥ `min`). */
  get current(): number {
    return Math.floor(this.#limit)
  }

  /** The limit outside of probe windows: the concurrency it settled on. */
  get settled(): number {
    return Math.floor(this.#probing ?? this.#limit)
  }

  /**
   * Learns from one request that finished normally after `rttMs`, with `inFlight` in flight. The
   * limit moves once per window of `limit` samples (once per round trip, as TCP Vegas does), on
   * the window's mean RTT.
   */
  sample(rttMs: number, inFlight: number): void {
    if (!(rttMs > 0)) return
    this.#sinceDrop++
    // While probing, only requests sent at the lowered limit tell the no-load RTT.
    if (this.#probing !== undefined && inFlight > this.#limit) return
    const window = this.#window
    window.count++
    window.rttSum += rttMs
    window.minRtt = Math.min(window.minRtt, rttMs)
    window.maxInFlight = Math.max(window.maxInFlight, inFlight)
    if (window.count < this.#limit) return
    const rtt = window.rttSum / window.count
    this.#window = { count: 0, rttSum: 0, minRtt: Infinity, maxInFlight: 0 }
    if (this.#probing !== undefined) {
      this.#lowestRtt = window.minRtt
      this.#lowestMean = rtt
      this.#limit = this.#probing
      this.#probing = undefined
    } else if (++this.#windows % this.#probeEvery === 0) {
      // Under steady load the no-load RTT cannot be seen; like BBR's ProbeRTT, drop to a quarter
      // of the limit for one window to measure it again (the server may have become slower).
      this.#probing = this.#limit
      this.#limit = Math.max(this.#min, Math.floor(this.#limit / 4))
    } else {
      this.#lowestRtt = Math.min(this.#lowestRtt, window.minRtt)
      this.#lowestMean = Math.min(this.#lowestMean, rtt)
      this.#limit = clamp(this.#next(rtt, window.maxInFlight), this.#min, this.#max)
    }
  }

  #next(rtt: number, inFlight: number): number {
    const limit = this.#limit
    const noLoad = (this.#lowestRtt + this.#lowestMean) / 2
    const queue = limit * (1 - noLoad / rtt)
    const step = Math.max(1, Math.log10(limit))
    const alpha = step
    const beta = 3 * step
    if (queue >= alpha) this.#slowStart = false
    if (queue >= (2 * limit) / 3 && limit > 1) return limit / 2 // the round trip tripled: back off hard
    if (queue > beta) return limit - Math.max(step, queue - beta) // shed the excess queue at once
    if (inFlight * 2 < limit) return limit // not using what it has: no evidence to grow on
    if (queue < alpha) return this.#slowStart ? limit * 2 : limit + step
    return limit
  }

  /** The server pushed back (429, `Retry-After`, rate-limit headers): halve, once per window. */
  pushback(): void {
    if (this.#sinceDrop < this.#dropWindow) return
    this.#sinceDrop = 0
    this.#limit = clamp(this.#limit / 2, this.#min, this.#max)
    this.#dropWindow = this.#limit
  }
}

/**
 * Bounds and start of an {@link AdaptiveLimit}.
 *
 * @example
 * ```ts
 * const options: AdaptiveLimitOptions = { initial: 2, max: 32 }
 * ```
 */
export interface AdaptiveLimitOptions {
  /** Starting limit. Default 4. */
  readonly initial?: number | undefined
  /** Lower bound. Default 1. */
  readonly min?: number | undefined
  /** Upper bound. Default 16. */
  readonly max?: number | undefined
  /** Re-measure the no-load RTT after this many windows. Default 50. */
  readonly probeEvery?: number | undefined
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
