import type { Run } from '../../src/codecs/run.js'

/** A complete `Run` value for pure tests; override what the test is about. */
export function testRun(overrides: Partial<Run> & { id: string }): Run {
  return {
    name: overrides.id,
    storageId: `storage-${overrides.id}`,
    entity: 'team',
    project: 'proj',
    path: `team/proj/${overrides.id}`,
    url: `https://wandb.ai/team/proj/runs/${overrides.id}`,
    state: 'finished',
    config: {},
    summary: {},
    systemMetrics: {},
    tags: [],
    notes: null,
    group: null,
    jobType: null,
    sweepName: null,
    commit: null,
    createdAt: new Date('2024-05-01T00:00:00Z'),
    heartbeatAt: new Date('2024-05-01T01:00:00Z'),
    historyLineCount: 0,
    lastHistoryStep: -1,
    user: null,
    ...overrides,
  }
}
