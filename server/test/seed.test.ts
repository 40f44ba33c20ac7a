import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, type RunningServer } from '../src/index.js'
import { gqlOk, withServer } from './helpers.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer({ seed: 'demo' })
})
afterAll(() => srv.close())

const runs = async (project: string, extra = '') =>
  (
    await gqlOk(
      srv,
      `query($p: String!) { project(name: $p, entityName: "local") { runCount runs(first: 100) { edges { node {
        name displayName state config summaryMetrics tags group jobType sweepName historyLineCount eventsLineCount
        logLineCount fileCount ${extra} } } } } }`,
      { p: project },
    )
  ).project

describe('demo seed', () => {
  it('creates the documented projects and run ids in the local entity', async () => {
    expect(srv.entity).toBe(DEMO.entity)
    const models = await gqlOk(srv, '{ models(entityName: "local") { edges { node { name } } } }')
    expect(models.models.edges.map((e: any) => e.node.name)).toEqual(Object.values(DEMO.projects))
    for (const key of ['mnist', 'gpt', 'sweeps'] as const) {
      const project = await runs(DEMO.projects[key])
      expect(project.runs.edges.map((e: any) => e.node.name)).toEqual(DEMO.runs[key])
    }
  })

  it('has finished, crashed, failed and running runs with realistic configs and data', async () => {
    const project = await runs(DEMO.projects.mnist)
    const nodes = project.runs.edges.map((e: any) => e.node)
    expect(new Set(nodes.map((n: any) => n.state))).toEqual(
      new Set(['finished', 'crashed', 'failed', 'running']),
    )
    for (const node of nodes) {
      const config = JSON.parse(node.config)
      expect(Object.keys(config)).toEqual(
        expect.arrayContaining(['lr', 'batch_size', 'optimizer', 'model', '_wandb']),
      )
      expect(node.historyLineCount).toBeGreaterThanOrEqual(500)
      expect(node.eventsLineCount).toBeGreaterThan(0)
      expect(node.logLineCount).toBeGreaterThan(0)
      expect(node.fileCount).toBeGreaterThanOrEqual(4)
      expect(node.group).toMatch(/-family$/)
    }
    expect(nodes.some((n: any) => n.tags.includes('best'))).toBe(true)
    // The diverged run has NaN in its history and summary.
    const failed = nodes.find((n: any) => n.state === 'failed')
    expect(failed.summaryMetrics).toContain('NaN')
  })

  it('has a sweep with a YAML config whose runs carry sweepName', async () => {
    const data = await gqlOk(
      srv,
      `{ project(name: "${DEMO.projects.sweeps}") { sweep(sweepName: "${DEMO.sweep}") { name method state config bestLoss runCount
        runs(first: 3, order: "+summary_metrics.val_loss") { edges { node { name sweepName } } } } totalSweeps } }`,
    )
    const sweep = data.project.sweep
    expect(sweep).toMatchObject({
      name: DEMO.sweep,
      method: 'bayes',
      state: 'RUNNING',
      runCount: DEMO.runs.sweeps.length,
    })
    expect(sweep.config).toMatch(/metric:\n {2}name: val_loss/)
    expect(sweep.bestLoss).toBeGreaterThan(0)
    expect(sweep.runs.edges).toHaveLength(3)
    expect(sweep.runs.edges.every((e: any) => e.node.sweepName === DEMO.sweep)).toBe(true)
    expect(data.project.totalSweeps).toBe(1)
  })

  it('serves nested history keys, media files and console output', async () => {
    const id = DEMO.runs.gpt[0]
    const data = await gqlOk(
      srv,
      `{ project(name: "${DEMO.projects.gpt}") { run(name: "${id}") { historyKeys
        sampledHistory(specs: ["{\\"keys\\": [\\"_step\\", \\"train.loss\\"], \\"samples\\": 10}"])
        logLines(last: 3) { edges { node { line } } }
        files(pattern: "media/%") { edges { node { name mimetype sizeBytes } } } } } }`,
    )
    const run = data.project.run
    expect(run.historyKeys.lastStep).toBe(1999)
    expect(Object.keys(run.historyKeys.keys)).toEqual(
      expect.arrayContaining(['train.loss', 'val.acc', 'samples']),
    )
    expect(run.sampledHistory[0]).toHaveLength(10)
    expect(run.sampledHistory[0][9]._step).toBe(1999)
    expect(run.logLines.edges).toHaveLength(3)
    expect(run.files.edges.length).toBeGreaterThan(0)
    expect(run.files.edges[0].node.mimetype).toBe('image/png')
  })
})
