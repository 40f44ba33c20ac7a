import { firstValueFrom, toArray } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { PRELUDE, python, skipReason, strictValues } from './support/python-wandb.js'
import { useInteropServer } from './support/interop-server.js'

// wandb 0.30's run.scan_history() reads through `parquetHistory` exports (PROTOCOL.md §13).
if (!python) console.log(skipReason)

const SCRIPT = `${PRELUDE}
run = wandb.init(project="scan", id="s1")
for i in range(2500):
    run.log({"loss": 1.0 / (i + 1), "acc": {"top1": i / 2500}, "nan": float("nan") if i % 1000 == 7 else float(i)})
run.finish()
r = wandb.Api().run("local/scan/s1")
out({"all": list(r.scan_history()), "keyed": list(r.scan_history(keys=["loss", "nan"], page_size=700))})
`

describe.runIf(python)('official Python client: run.scan_history()', () => {
  const ctx = useInteropServer()

  it('reads every row, NaN kept, as wandb-rx scanHistory does', async () => {
    const { proxy, api, py } = ctx()
    const seen = (await py(SCRIPT)) as { all: Record<string, unknown>[]; keyed: Record<string, unknown>[] }
    const handle = api.run('local/scan/s1')
    const all = await firstValueFrom(handle.scanHistory().pipe(toArray()))
    const keyed = await firstValueFrom(handle.scanHistory({ keys: ['loss', 'nan'] }).pipe(toArray()))
    expect(seen.all).toHaveLength(2500)
    expect(seen.all[7]).toMatchObject({ _step: 7, nan: 'NaN' })
    expect(seen.all).toEqual(strictValues(all))
    expect(seen.keyed).toEqual(strictValues(keyed))
    expect(proxy.failures()).toEqual([])
  }, 180_000)
})
