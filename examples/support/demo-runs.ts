import type { TrainSpec } from './train-logger.js'

/** The project the demo logs into. */
export const DEMO_PROJECT = 'wandb-rx-demo'

/** The id of the run that is still logging while the demo queries and watches it. */
export const LIVE_RUN = 'live-lr-0.05'

/**
 * The runs the demo logs with `@wandb/sdk`: a small learning-rate sweep that finishes, one run
 * that diverges and fails, and one that keeps logging (slowly) while the demo runs.
 */
export const DEMO_RUNS: readonly TrainSpec[] = [
  {
    project: DEMO_PROJECT,
    id: 'adam-lr-0.3',
    config: { lr: 0.3, optimizer: 'adam', batch: 64 },
    steps: 120,
    seed: 1,
  },
  {
    project: DEMO_PROJECT,
    id: 'adam-lr-0.1',
    config: { lr: 0.1, optimizer: 'adam', batch: 64 },
    steps: 120,
    seed: 2,
  },
  {
    project: DEMO_PROJECT,
    id: 'adam-lr-0.03',
    config: { lr: 0.03, optimizer: 'adam', batch: 64 },
    steps: 120,
    seed: 3,
  },
  {
    project: DEMO_PROJECT,
    id: 'sgd-lr-0.3',
    config: { lr: 0.3, optimizer: 'sgd', batch: 64 },
    steps: 120,
    seed: 4,
  },
  {
    project: DEMO_PROJECT,
    id: 'adam-lr-1.0',
    config: { lr: 1, optimizer: 'adam', batch: 64 },
    steps: 120,
    divergeAt: 25,
    seed: 5,
  },
  {
    project: DEMO_PROJECT,
    id: LIVE_RUN,
    config: { lr: 0.05, optimizer: 'adam', batch: 32 },
    steps: 120,
    delayMs: 100,
    seed: 6,
  },
]
