import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from 'wandb-rx-server'
import { Api } from 'wandb-rx'
import { python, runPython, skipReason } from './support/python-wandb.js'
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy.js'

if (!python) console.log(skipReason)

describe.runIf(python)('official Python client: viewer', () => {
  let srv: RunningServer
  let proxy: RecordingProxy
  beforeAll(async () => {
    srv = await startServer()
    proxy = await startRecordingProxy(srv.url)
  })
  afterAll(async () => {
    await proxy.close()
    await srv.close()
  })

  it('reads the same viewer as wandb-rx, with no failed request', async () => {
    const py = await runPython(
      { url: proxy.url, apiKey: srv.apiKey },
      'import json, wandb\nv = wandb.Api().viewer\nprint("RESULT", json.dumps({"username": v.username, "entity": v.entity}))',
    )
    expect(py.code, py.stderr).toBe(0)
    const ours = await new Api({ baseUrl: srv.url, apiKey: srv.apiKey }).viewer()
    expect(py.result).toEqual({ username: ours.username, entity: ours.entity })
    expect(proxy.failures()).toEqual([])
  })
})
