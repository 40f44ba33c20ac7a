/**
 * What `seed: 'demo'` creates, so tests and examples can refer to it by name.
 *
 * @example
 * import { DEMO } from 'wandb-rx-server'
 * api.runs(`${DEMO.entity}/${DEMO.projects.mnist}`)
 */
export const DEMO = {
  entity: 'local',
  projects: { mnist: 'mnist-classifier', gpt: 'tiny-gpt', sweeps: 'lr-sweep' },
  sweep: 'sw33pd3m',
} as const
