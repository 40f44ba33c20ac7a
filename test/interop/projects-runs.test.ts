import { describe, expect, it } from 'vitest'
import { PRELUDE, python, skipReason } from './support/python-wandb.js'
import { useInteropServer } from './support/interop-server.js'

if (!python) console.log(skipReason)

// Runs are written through the protocol (upsertBucket, as wandb-core does); no wandb.init needed.
const RUNS = [
  { name: 'a1', displayName: 'alpha', lr: 0.1, acc: 0.9, layers: 2 },
  { name: 'b2', displayName: 'beta', lr: 0.2, acc: 0.5, layers: 4 },
  { name: 'c3', displayName: 'gamma', lr: 0.3, acc: 0.7, layers: 8 },
  { name: 'd4', displayName: 'bravo', lr: 0.4, acc: 0.1, layers: 2 },
  { name: 'e5', displayName: 'delta', lr: 0.5, acc: 0.3, layers: 4 },
]

const UPSERT = `mutation U($name: String, $displayName: String, $config: JSONString, $summary: JSONString, $sweep: String) {
  upsertBucket(input: {name: $name, modelName: "proj", entityName: "local", displayName: $displayName,
    config: $config, summaryMetrics: $summary, sweep: $sweep}) { bucket { id } } }`

const FILTER = {
  $and: [
    { 'summary_metrics.acc': { $gt: 0.2 } },
    { $or: [{ 'config.lr.value': { $in: [0.1, 0.3, 0.5] } }, { display_name: { $regex: '^b' } }] },
  ],
}

const SWEEP = `${PRELUDE}
sid = wandb.sweep({"method": "grid", "metric": {"name": "acc", "goal": "maximize"},
    "parameters": {"lr": {"values": [0.1, 0.2]}}}, project="proj", entity="local")
out(sid)
`

const READER = `${PRELUDE}
api = wandb.Api()
api.create_project("made", "local")
runs = api.runs("local/proj", filters=json.loads(${JSON.stringify(JSON.stringify(FILTER))}), order="-summary_metrics.acc", per_page=2)
sweep = api.sweep("local/proj/" + os.environ["SWEEP_ID"])
team = api.team("crew")
out({
    "projects": sorted(p.name for p in api.projects("local")),
    "project": [api.project("proj", "local").name, api.project("proj", "local").entity],
    "filtered": [r.id for r in runs],
    "len": len(runs),
    "all": len(api.runs("local/proj", per_page=2)),
    "by_config": [r.id for r in api.runs("local/proj", filters={"config.layers.value": {"$gt": 2}}, order="+config.lr.value")],
    "best": sweep.best_run().id,
    "sweep_runs": sorted(r.id for r in sweep.runs),
    "reports": sorted(r.display_name for r in api.reports("local/proj")),
    "user": api.user("local").username,
    "users": len(api.users("local")),
    "team": [team.name, sorted(m.username for m in team.members)],
    "no_project": error(lambda: len(api.runs("local/nothing-here"))),
    "no_sweep": error(lambda: api.sweep("local/proj/nosweep").id),
})
`

const BAD_KEY = `${PRELUDE}
out(error(lambda: wandb.Api().viewer))
`

describe.runIf(python)('official Python client: projects, runs, sweeps, reports, users', () => {
  let sweepId: string
  const ctx = useInteropServer(async ({ api, py }) => {
    await api.createTeam({ name: 'crew' })
    sweepId = await py(SWEEP)
    for (const [i, r] of RUNS.entries()) {
      await gql(UPSERT, {
        name: r.name,
        displayName: r.displayName,
        config: JSON.stringify({ lr: { value: r.lr }, layers: { value: r.layers } }),
        summary: JSON.stringify({ acc: r.acc }),
        sweep: i < 3 ? sweepId : null,
      })
    }
    await gql(
      `mutation { upsertView(input: {entityName: "local", projectName: "proj", name: "study",
        displayName: "A Study", type: "runs", spec: "{}"}) { view { id } } }`,
      {},
    )
  })
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${ctx().srv.url}/graphql`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`api:${ctx().srv.apiKey}`)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ query, variables }),
    })
    const body = (await res.json()) as { errors?: unknown }
    expect(body.errors).toBeUndefined()
  }

  it('reads what wandb-rx reads: projects, filtered and ordered runs, counts, sweep best run, reports, users', async () => {
    const { proxy, api, py } = ctx()
    const seen = await py(READER, { SWEEP_ID: sweepId })
    expect(seen.projects).toEqual(['made', 'proj'])
    expect(seen.projects).toEqual((await api.projects('local').toArray()).map((p) => p.name).sort())
    expect(seen.project).toEqual(['proj', 'local'])

    const ours = await api
      .runs('local/proj')
      .where({
        $and: [
          { 'summary.acc': { $gt: 0.2 } },
          { $or: [{ 'config.lr': { $in: [0.1, 0.3, 0.5] } }, { name: { $regex: '^b' } }] },
        ],
      })
      .orderBy('-summary.acc')
      .perPage(2)
      .toArray()
    expect(seen.filtered).toEqual(['a1', 'c3', 'b2', 'e5'])
    expect(seen.filtered).toEqual(ours.map((r) => r.id))
    expect(seen.len).toBe(4)
    expect(seen.all).toBe(await api.runs('local/proj').count())
    const byConfig = await api
      .runs('local/proj')
      .where({ 'config.layers': { $gt: 2 } })
      .orderBy('+config.lr')
      .toArray()
    expect(seen.by_config).toEqual(['b2', 'c3', 'e5'])
    expect(seen.by_config).toEqual(byConfig.map((r) => r.id))

    const sweep = await api.sweep(`local/proj/${sweepId}`)
    expect(seen.best).toBe('a1')
    expect(seen.best).toBe((await sweep.bestRun())?.id)
    expect(seen.sweep_runs).toEqual(['a1', 'b2', 'c3'])

    expect(seen.reports).toEqual((await api.reports('local/proj').toArray()).map((r) => r.title))
    expect(seen.reports).toEqual(['A Study'])
    expect(seen.user).toBe((await api.user('local')).username)
    expect(seen.users).toBe((await api.users('local')).length)
    const team = await api.team('crew')
    expect(seen.team).toEqual(['crew', ['local']])
    expect(seen.team).toEqual([team.name, team.members.map((m) => m.username).sort()])

    expect(seen.no_project).toEqual(['ValueError', 'Could not find project nothing-here'])
    expect(seen.no_sweep[0]).toBe('CommError')
    expect(seen.no_sweep[1]).toMatch(/Could not find sweep/)
    expect(proxy.failures()).toEqual([])
  }, 120_000)

  it('refuses a wrong API key with Python’s authentication error', async () => {
    const { proxy, py } = ctx()
    const [cls, message] = await py(BAD_KEY, {}, 'local-not-a-key-000000000000000000000000000000')
    expect(cls).toBe('AuthenticationError')
    expect(message).toMatch(/API key|credentials/i)
    const refused = proxy.failures()
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 401))
  }, 60_000)
})
