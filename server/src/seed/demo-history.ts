import { stringifyExtended } from '../util/extended-json.js'
import { createPrng } from '../util/prng.js'
import type { DemoRun } from './demo-layout.js'

/** Fixed epoch for demo timestamps (2025-01-01T00:00:00Z), so the data is reproducible. */
export const DEMO_EPOCH_S = 1735689600
const SECONDS_PER_STEP = 0.5

export interface DemoStream {
  readonly history: string[]
  readonly events: string[]
  readonly output: string[]
  readonly summary: Record<string, unknown>
  readonly media: string[]
}

const round = (x: number) => Number(x.toPrecision(5))
const stamp = (s: number) => new Date(s * 1000).toISOString().replace('Z', '000')

/**
 * The logged stream of one demo run: decaying losses with noise, nested `train/val` keys,
 * NaN after divergence, an image every 500 steps, system metrics every 20 s and console lines.
 * History lines are extended JSON (bare NaN), as wandb-core writes them.
 */
export function demoStream(run: DemoRun, runIndex: number, startS: number): DemoStream {
  const rand = createPrng(runIndex * 7919 + 17)
  const lr = typeof run.config.lr === 'number' ? run.config.lr : 1e-3
  const floor = 0.02 + rand() * 0.15 + Math.abs(Math.log10(lr) + 2.5) * 0.05
  const history: string[] = []
  const events: string[] = []
  const output: string[] = []
  const media: string[] = []
  let last: Record<string, unknown> = {}
  let bestVal = Infinity
  for (let step = 0; step < run.steps; step++) {
    const runtime = step * SECONDS_PER_STEP
    const decay = Math.exp((-3 * step) / run.steps)
    const diverged = run.divergeAt !== null && step >= run.divergeAt
    const trainLoss = diverged ? NaN : round(floor + 2.3 * decay + rand() * 0.05)
    const valLoss = diverged ? NaN : round(floor * 1.1 + 2.3 * decay + rand() * 0.08)
    if (valLoss < bestVal) bestVal = valLoss
    const row: Record<string, unknown> = {
      _step: step,
      _runtime: round(runtime),
      _timestamp: round(startS + runtime),
      epoch: Math.floor((step * 20) / run.steps),
      lr: round(lr * (0.5 + 0.5 * Math.cos((Math.PI * step) / run.steps))),
      train: { loss: trainLoss, acc: diverged ? NaN : round(1 - trainLoss / 2.5) },
      ...(step % 5 === 0 ? { val: { loss: valLoss, acc: diverged ? NaN : round(1 - valLoss / 2.5) } } : {}),
    }
    if (step % 500 === 250) {
      const path = `media/images/samples_${step}_${run.id.slice(0, 4)}.png`
      media.push(path)
      row.samples = { _type: 'image-file', path, format: 'png', width: 1, height: 1, size: PIXEL_PNG.length }
    }
    // The wire form keeps NaN as a bare token (JSON.stringify would write null).
    history.push(stringifyExtended(row))
    last = row
    if (step % 40 === 0) {
      events.push(
        JSON.stringify({
          'system.cpu': round(30 + rand() * 40),
          'system.memory': round(40 + (step / run.steps) * 20),
          'system.gpu.0.gpu': round(85 + rand() * 10),
          'system.gpu.0.memoryAllocated': round(60 + rand() * 5),
          _wandb: true,
          _timestamp: round(startS + runtime),
          _runtime: round(runtime),
        }),
      )
    }
    if (step % Math.max(1, Math.floor(run.steps / 20)) === 0) {
      output.push(`${stamp(startS + runtime)} epoch ${row.epoch} step ${step} loss ${trainLoss}`)
    }
  }
  if (run.state === 'crashed' || run.state === 'failed') {
    const t = stamp(startS + run.steps * SECONDS_PER_STEP)
    output.push(
      `ERROR ${t} Traceback (most recent call last):`,
      `ERROR ${t}   File "train.py", line 88, in <module>`,
    )
    output.push(
      run.state === 'failed'
        ? `ERROR ${t} ValueError: loss is NaN`
        : `ERROR ${t} RuntimeError: CUDA out of memory`,
    )
  }
  const { _step, _runtime, _timestamp, train, val } = last as Record<string, any>
  const summary = {
    _step,
    _runtime,
    _timestamp,
    train,
    val,
    train_loss: train?.loss ?? null,
    val_loss: Number.isFinite(bestVal) ? bestVal : NaN,
    best_val_acc: Number.isFinite(bestVal) ? round(1 - bestVal / 2.5) : NaN,
  }
  return { history, events, output, summary, media }
}

/** A 1×1 PNG, for the demo's image media. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
