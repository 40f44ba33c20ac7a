/**
 * A small training-like loop that logs one run with the official `@wandb/sdk` JS logger, the
 * way a real training script feeds W&B. It runs in its own process (the SDK keeps global
 * state and a worker; `finish()` must be awaited or the process never exits), so several can
 * log side by side while the demo goes on.
 *
 * Usage: `WANDB_BASE_URL=… WANDB_API_KEY=… node --import tsx examples/support/train-logger.ts '<spec JSON>'`
 *
 * @example
 * ```sh
 * node --import tsx examples/support/train-logger.ts '{"project":"demo","id":"lr-0.1","config":{"lr":0.1},"steps":200}'
 * ```
 */
import wandb from '@wandb/sdk'

/** What one logger process does. */
export interface TrainSpec {
  readonly project: string
  readonly id: string
  readonly name?: string
  readonly config: Readonly<Record<string, unknown>>
  readonly steps: number
  /** Pause between steps, so a run stays `running` for a while (ms, default 0). */
  readonly delayMs?: number
  /** At this step the loss diverges to NaN and the script fails: `finish(1)`, exit code 1. */
  readonly divergeAt?: number
  readonly seed?: number
}

const spec = JSON.parse(process.argv[2] ?? '{}') as TrainSpec
const lr = Number(spec.config['lr'] ?? 0.01)
const speed = spec.config['optimizer'] === 'sgd' ? 0.5 : 1
let seed = spec.seed ?? 1
const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.04
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

await wandb.init({
  project: spec.project,
  id: spec.id,
  name: spec.name ?? spec.id,
  config: { ...spec.config },
})
for (let step = 0; step < spec.steps; step++) {
  if (spec.divergeAt !== undefined && step >= spec.divergeAt) {
    wandb.log({ loss: NaN, acc: NaN, lr })
    await wandb.finish(1) // like an uncaught exception in a Python script: the run fails
    process.exit(1)
  }
  // A loss that decays faster with a larger lr, plus noise; accuracy mirrors it.
  const loss = 2.3 * Math.exp(-step * lr * speed * 0.08) + 0.05 + noise()
  wandb.log({ loss, acc: Math.min(1, 1 - loss / 2.5 + noise()), lr, eval: { loss: loss * 1.1 } })
  if (spec.delayMs) await sleep(spec.delayMs)
}
await wandb.finish()
