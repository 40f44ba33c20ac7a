import { firstValueFrom, toArray } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { NotFoundError } from 'wandb-rx'
import { PRELUDE, python, skipReason, strictValues } from './support/python-wandb.js'
import { useInteropServer } from './support/interop-server.js'

if (!python) console.log(skipReason)

/** One run logged by wandb 0.30 (wandb-core uploads), resumed once, then read by both clients. */
const WRITER = `${PRELUDE}
run = wandb.init(project="life", id="run1", name="first", group="g1", job_type="train", notes="hello",
    tags=["a", "b"], config={"lr": 0.1, "opt": {"name": "adam", "beta": 0.9}},
    settings=wandb.Settings(x_stats_sampling_interval=0.2, x_disable_machine_info=False))
for i in range(3000):
    run.log({"loss": 1.0 / (i + 1), "acc": {"top1": i / 3000, "top5": min(1.0, i / 1000)},
             "nan": float("nan") if i % 1000 == 5 else float(i)})
run.summary["best"] = 0.5
path = os.path.join(run.dir, "notes.txt")
open(path, "w").write("hello file")
wandb.save(path, base_path=run.dir)
time.sleep(1)  # a few system-metrics samples
run.finish()
run = wandb.init(project="life", id="run1", resume="allow")
run.log({"loss": 0.0001})
run.finish()
out("ok")
`

const READER = `${PRELUDE}
api = wandb.Api()
r = api.run("local/life/run1")
out({
    "attrs": [r.id, r.name, r.state, r.config, r.tags, r.group, r.job_type, r.notes, r.summary.get("best"), r.lastHistoryStep],
    "all": r.history(samples=5000, pandas=False),
    "keyed": r.history(keys=["loss", "nan"], samples=5000, pandas=False),
    "x": [row["_step"] for row in r.history(keys=["loss"], x_axis="_step", samples=10, pandas=False)],
    "system": len(r.history(stream="system", pandas=False)),
    "files": sorted(f.name for f in r.files()),
    "download": open(r.file("notes.txt").download(root="dl", replace=True).name).read(),
})
`

const WRITES = `${PRELUDE}
api = wandb.Api()
r = api.run("local/life/run1")
r.tags = r.tags + ["c"]
r.config["extra"] = 1
r.update()
r.summary.update({"added": 7})
out("ok")
`

const DELETE = `${PRELUDE}
api = wandb.Api()
api.run("local/life/run1").delete()
fresh = wandb.Api()  # an Api caches the runs it has read
out({"deleted": error(lambda: fresh.run("local/life/run1").name), "nope": error(lambda: fresh.run("local/life/nope").name)})
`

describe.runIf(python)('official Python client: a run from wandb.init to delete', () => {
  const ctx = useInteropServer(async ({ py }) => {
    expect(await py(WRITER)).toBe('ok')
  })

  it('stores what wandb.init / log / summary / save / resume sent, with no failed request', async () => {
    const { proxy, api } = ctx()
    expect(proxy.failures()).toEqual([])
    const ops = new Set(proxy.requests.map((r) => r.operation))
    for (const op of [
      'ServerFeaturesQuery',
      'OrganizationCoreWeaveOrganizationID',
      'UpsertBucket',
      'RunResumeStatus',
      'CreateRunFiles',
    ]) {
      expect(ops).toContain(op)
    }
    const run = await api.run('local/life/run1').get()
    expect(run).toMatchObject({
      id: 'run1',
      name: 'first',
      state: 'finished',
      config: { lr: 0.1, opt: { name: 'adam', beta: 0.9 } },
      tags: ['a', 'b'],
      group: 'g1',
      jobType: 'train',
      notes: 'hello',
      historyLineCount: 3001,
      lastHistoryStep: 3000,
    })
    expect(run.summary.best).toBe(0.5)
    const rows = await firstValueFrom(api.run('local/life/run1').scanHistory().pipe(toArray()))
    expect(rows).toHaveLength(3001)
    expect(rows[5]).toMatchObject({ _step: 5, nan: NaN, acc: { top1: 5 / 3000, top5: 5 / 1000 } })
    expect(rows[3000]).toMatchObject({ _step: 3000, loss: 0.0001 })
  })

  it('reads the same run, history (sampled, keyed, x_axis, system) and files in Python as in wandb-rx', async () => {
    const { proxy, api, py } = ctx()
    const seen = await py(READER)
    const handle = api.run('local/life/run1')
    const run = await handle.get()
    expect(seen.attrs).toEqual([
      run.id,
      run.name,
      run.state,
      run.config,
      run.tags,
      run.group,
      run.jobType,
      run.notes,
      run.summary.best,
      run.lastHistoryStep,
    ])
    const all = await firstValueFrom(handle.history({ samples: 5000 }).pipe(toArray()))
    expect(seen.all).toHaveLength(3001)
    expect(seen.all).toEqual(strictValues(all))
    expect(seen.all[5].nan).toBe('NaN')
    const keyed = await firstValueFrom(
      handle.history({ keys: ['loss', 'nan'], samples: 5000 }).pipe(toArray()),
    )
    expect(seen.keyed).toHaveLength(3000) // the resumed row has no "nan"
    expect(seen.keyed[1005]).toEqual({ _step: 1005, loss: 1 / 1006, nan: 'NaN' })
    expect(seen.keyed).toEqual(strictValues(keyed))
    const x = await firstValueFrom(
      handle.history({ keys: ['loss'], samples: 10, xAxis: '_step' }).pipe(toArray()),
    )
    expect(seen.x).toEqual(x.map((row) => row._step))
    const system = await firstValueFrom(handle.history({ stream: 'system' }).pipe(toArray()))
    expect(seen.system).toBeGreaterThan(0)
    expect(seen.system).toBe(system.length)
    const files = await firstValueFrom(handle.files().pipe(toArray()))
    expect(seen.files).toEqual(files.map((f) => f.name).sort())
    expect(seen.files).toContain('notes.txt')
    expect(seen.download).toBe('hello file')
    expect(proxy.failures()).toEqual([])
  })

  it('applies run.update() and summary.update() from Python; delete() leaves a clear error in both clients', async () => {
    const { proxy, api, py } = ctx()
    expect(await py(WRITES)).toBe('ok')
    api.flush() // wandb-rx caches runs per path
    const run = await api.run('local/life/run1').get()
    expect(run.tags).toEqual(['a', 'b', 'c'])
    expect(run.config).toMatchObject({ lr: 0.1, extra: 1 })
    expect(run.summary).toMatchObject({ best: 0.5, added: 7 })
    const gone = await py(DELETE)
    expect(gone.deleted[0]).toBe('CommError')
    expect(gone.deleted[1]).toMatch(/Could not find run/)
    expect(gone.nope[1]).toMatch(/Could not find run/)
    api.flush()
    await expect(api.run('local/life/run1').get()).rejects.toBeInstanceOf(NotFoundError)
    expect(proxy.failures()).toEqual([])
  })
})
