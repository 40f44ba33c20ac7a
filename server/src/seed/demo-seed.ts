import { stringifyExtended } from '../util/extended-json.js'
import { DEMO_EPOCH_S, demoStream, PIXEL_PNG } from './demo-history.js'
import { DEMO_SWEEP, DEMO_SWEEP_CONFIG, demoProjects, type DemoRun } from './demo-layout.js'
import { ProtocolClient } from './protocol-client.js'

const ENTITY = 'local'
const CHUNK = 1000

const UPSERT = `mutation($name: String!, $project: String, $entity: String, $displayName: String, $config: JSONString,
  $tags: [String], $groupName: String, $jobType: String, $sweep: String, $state: String, $host: String, $commit: String) {
  upsertBucket(input: {name: $name, modelName: $project, entityName: $entity, displayName: $displayName, config: $config,
    tags: $tags, groupName: $groupName, jobType: $jobType, sweep: $sweep, state: $state, host: $host, commit: $commit}) {
    bucket { id } } }`

const yaml = (config: Readonly<Record<string, unknown>>) =>
  `${Object.entries(config)
    .map(([k, v]) => `${k}:\n  desc: null\n  value: ${JSON.stringify(v)}`)
    .join('\n')}\n`

async function seedRun(client: ProtocolClient, project: string, run: DemoRun, index: number): Promise<void> {
  // Python-style wrapped config including the SDK's own `_wandb` entry.
  const config = {
    ...Object.fromEntries(Object.entries(run.config).map(([k, v]) => [k, { desc: null, value: v }])),
    _wandb: {
      desc: null,
      value: {
        python_version: '3.11.9',
        cli_version: '0.18.5',
        framework: 'torch',
        t: { 1: [1, 5, 55], 3: [16, 23] },
      },
    },
  }
  await client.graphql(UPSERT, {
    name: run.id,
    project,
    entity: ENTITY,
    displayName: run.displayName,
    config: JSON.stringify(config),
    tags: run.tags,
    groupName: run.group,
    jobType: run.jobType,
    sweep: run.sweep,
    host: `gpu-node-${(index % 4) + 1}`,
    commit: (index * 2654435761).toString(16).padStart(8, '0').slice(0, 8),
  })
  const startS = DEMO_EPOCH_S + index * 3600
  const stream = demoStream(run, index, startS)
  const path = `${ENTITY}/${project}/${run.id}`
  for (let offset = 0; offset < stream.history.length; offset += CHUNK) {
    const last = offset + CHUNK >= stream.history.length
    await client.fileStream(path, {
      files: {
        'wandb-history.jsonl': { offset, content: stream.history.slice(offset, offset + CHUNK) },
        ...(offset === 0 ? { 'wandb-events.jsonl': { offset: 0, content: stream.events } } : {}),
        ...(offset === 0 ? { 'output.log': { offset: 0, content: stream.output } } : {}),
        ...(last
          ? { 'wandb-summary.json': { offset: 0, content: [stringifyExtended(stream.summary)] } }
          : {}),
      },
    })
  }
  await client.upload(ENTITY, project, run.id, {
    'config.yaml': yaml(run.config),
    'wandb-metadata.json': JSON.stringify(
      {
        os: 'Linux-6.5',
        python: '3.11.9',
        host: `gpu-node-${(index % 4) + 1}`,
        program: 'train.py',
        startedAt: new Date(startS * 1000).toISOString(),
        gpu: 'NVIDIA A100-SXM4-40GB',
        gpu_count: 1,
      },
      null,
      2,
    ),
    'requirements.txt': 'torch==2.4.1\nnumpy==1.26.4\nwandb==0.18.5\n',
    'output.log': `${stream.output.join('\n')}\n`,
    ...Object.fromEntries(stream.media.map((m) => [m, PIXEL_PNG])),
  })
  if (run.state === 'running') return // left running: no writer, no completion
  if (run.state === 'crashed') {
    // Crashes are a server-side verdict (lost heartbeat), so the writer never says so itself.
    await client.graphql(UPSERT, { name: run.id, project, entity: ENTITY, state: 'crashed' })
    return
  }
  await client.fileStream(path, { complete: true, exitcode: run.state === 'failed' ? 1 : 0 })
}

/**
 * Fills a fresh database with the demo data set (see `DEMO`) through the server's public
 * protocol. Does nothing when the demo projects exist already (a restarted on-disk database).
 */
export async function seedDemo(srv: { url: string; apiKey: string }): Promise<void> {
  const client = new ProtocolClient(srv.url, srv.apiKey)
  const projects = demoProjects()
  const existing = await client.graphql<{ project: unknown }>(
    'query($p: String) { project(name: $p, entityName: "local") { id } }',
    {
      p: projects[0]?.name,
    },
  )
  if (existing.project) return
  for (const project of projects) {
    await client.graphql(
      'mutation($n: String, $d: String) { upsertModel(input: {name: $n, entityName: "local", description: $d}) { inserted } }',
      {
        n: project.name,
        d: project.description,
      },
    )
  }
  await client.graphql(
    `mutation($p: String, $c: String) { upsertSweep(input: {name: "${DEMO_SWEEP}", entityName: "${ENTITY}", projectName: $p, config: $c,
      description: "lr / batch size / optimizer search"}) { inserted } }`,
    { p: projects[2]?.name, c: DEMO_SWEEP_CONFIG },
  )
  let index = 0
  for (const project of projects) {
    for (const run of project.runs) await seedRun(client, project.name, run, index++)
  }
}
