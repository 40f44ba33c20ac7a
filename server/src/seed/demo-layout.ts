import { createPrng, pick, type Prng } from '../util/prng.js'

/** One demo run, fully determined by the seeded PRNG. */
export interface DemoRun {
  readonly id: string
  readonly displayName: string
  readonly state: 'finished' | 'crashed' | 'failed' | 'running'
  readonly config: Readonly<Record<string, unknown>>
  readonly tags: readonly string[]
  readonly group: string | null
  readonly jobType: string
  readonly steps: number
  readonly sweep: string | null
  /** Step from which the loss is NaN (a diverged run), else null. */
  readonly divergeAt: number | null
}

export interface DemoProject {
  readonly name: string
  readonly description: string
  readonly runs: readonly DemoRun[]
}

const ADJECTIVES = [
  'brisk',
  'calm',
  'daring',
  'eager',
  'fancy',
  'gentle',
  'hardy',
  'icy',
  'jolly',
  'keen',
  'lively',
  'misty',
]
const NOUNS = [
  'river',
  'forest',
  'comet',
  'meadow',
  'canyon',
  'glacier',
  'harbor',
  'island',
  'lagoon',
  'summit',
]
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'

const runId = (rand: Prng) => Array.from({ length: 8 }, () => pick(rand, [...ID_CHARS])).join('')
const displayName = (rand: Prng, i: number) => `${pick(rand, ADJECTIVES)}-${pick(rand, NOUNS)}-${i + 1}`
const logUniform = (rand: Prng, lo: number, hi: number) =>
  Number(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))).toPrecision(3))

export const DEMO_SWEEP = 'sw33pd3m'

export const DEMO_SWEEP_CONFIG = `program: train.py
method: bayes
metric:
  name: val_loss
  goal: minimize
parameters:
  lr:
    distribution: log_uniform_values
    min: 0.0001
    max: 0.1
  batch_size:
    values: [32, 64, 128]
  optimizer:
    values: [adam, sgd]
`

function mnistRuns(rand: Prng): DemoRun[] {
  const states = [
    'finished',
    'finished',
    'finished',
    'finished',
    'crashed',
    'finished',
    'failed',
    'finished',
    'running',
    'finished',
    'crashed',
    'running',
  ] as const
  return states.map((state, i) => {
    const model = pick(rand, ['cnn', 'mlp', 'resnet18'])
    return {
      id: runId(rand),
      displayName: displayName(rand, i),
      state,
      config: {
        lr: logUniform(rand, 1e-4, 1e-1),
        batch_size: pick(rand, [32, 64, 128]),
        optimizer: pick(rand, ['adam', 'sgd', 'adamw']),
        model,
        epochs: 20,
        dropout: Number((rand() * 0.5).toFixed(2)),
        augment: rand() < 0.5,
        arch: { layers: model === 'mlp' ? 3 : 8, hidden: pick(rand, [128, 256, 512]) },
      },
      tags: [
        ...(i < 3 ? ['baseline'] : []),
        ...(i === 5 ? ['best'] : []),
        ...(model === 'resnet18' ? ['resnet'] : []),
      ],
      group: `${model}-family`,
      jobType: 'train',
      steps: 500 + Math.floor(rand() * 1000),
      sweep: null,
      divergeAt: i === 6 ? 300 : null,
    }
  })
}

function gptRuns(rand: Prng): DemoRun[] {
  return ['pretrain', 'pretrain', 'finetune', 'finetune'].map((jobType, i) => ({
    id: runId(rand),
    displayName: displayName(rand, i),
    state: i === 3 ? 'running' : 'finished',
    config: {
      lr: logUniform(rand, 1e-4, 1e-3),
      batch_size: 64,
      optimizer: 'adamw',
      model: 'gpt-mini',
      n_layer: pick(rand, [4, 6]),
      n_head: 4,
      d_model: 256,
      warmup_steps: 200,
    },
    tags: [jobType, ...(i === 1 ? ['best'] : [])],
    group: 'gpt-small',
    jobType,
    steps: 2000,
    sweep: null,
    divergeAt: null,
  }))
}

function sweepRuns(rand: Prng): DemoRun[] {
  return Array.from({ length: 9 }, (_, i) => ({
    id: runId(rand),
    displayName: displayName(rand, i),
    state: i === 8 ? 'running' : 'finished',
    config: {
      lr: logUniform(rand, 1e-4, 1e-1),
      batch_size: pick(rand, [32, 64, 128]),
      optimizer: pick(rand, ['adam', 'sgd']),
      model: 'cnn',
    },
    tags: ['sweep'],
    group: null,
    jobType: 'sweep',
    steps: 300,
    sweep: DEMO_SWEEP,
    divergeAt: null,
  }))
}

/** The demo data set (entity `local`): deterministic from seed 2024. */
export function demoProjects(): DemoProject[] {
  const rand = createPrng(2024)
  return [
    {
      name: 'mnist-classifier',
      description: 'Digit classifiers: CNN, MLP and ResNet baselines',
      runs: mnistRuns(rand),
    },
    {
      name: 'tiny-gpt',
      description: 'A small GPT pretrained on TinyStories, then fine-tuned',
      runs: gptRuns(rand),
    },
    {
      name: 'lr-sweep',
      description: 'Bayesian sweep over lr, batch size and optimizer',
      runs: sweepRuns(rand),
    },
  ]
}

/**
 * What `seed: 'demo'` creates, so tests and examples can refer to it by name: entity `local`,
 * three projects, their run ids (in creation order) and the sweep id.
 *
 * @example
 * import { DEMO } from 'wandb-rx-server'
 * const firstMnistRun = `${DEMO.entity}/${DEMO.projects.mnist}/${DEMO.runs.mnist[0]}`
 */
export const DEMO = (() => {
  const [mnist, gpt, sweep] = demoProjects() as [DemoProject, DemoProject, DemoProject]
  return {
    entity: 'local',
    projects: { mnist: mnist.name, gpt: gpt.name, sweeps: sweep.name },
    runs: {
      mnist: mnist.runs.map((r) => r.id),
      gpt: gpt.runs.map((r) => r.id),
      sweeps: sweep.runs.map((r) => r.id),
    },
    sweep: DEMO_SWEEP,
  } as const
})()
