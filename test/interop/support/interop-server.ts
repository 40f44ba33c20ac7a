import { afterAll, beforeAll, expect } from 'vitest'
import { Api } from 'wandb-rx'
import { startServer, type RunningServer } from 'wandb-rx-server'
import { runPython } from './python-wandb.js'
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js'

/** A server behind a recording proxy for one interop suite, with both clients pointed at it. */
export interface InteropServer {
  readonly srv: RunningServer
  readonly proxy: RecordingProxy
  /** wandb-rx, straight at the server (its requests are not recorded). */
  readonly api: Api
  /** Runs a Python script through the proxy, expects exit code 0, and returns its RESULT. */
  py(script: string, env?: Record<string, string>, apiKey?: string): Promise<any>
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start and stop the server and proxy; `setup`
 * runs once they are up (seeding, the Python writer).
 *
 * @example
 * const ctx = useInteropServer(async ({ py }) => expect(await py(WRITER)).toBe('ok'))
 * it('…', async () => expect(ctx().proxy.failures()).toEqual([]))
 */
export function useInteropServer(setup?: (ctx: InteropServer) => Promise<void>): () => InteropServer {
  let ctx: InteropServer | undefined
  beforeAll(async () => {
    const srv = await startServer()
    const proxy = await startRecordingProxy(srv.url)
    ctx = {
      srv,
      proxy,
      api: new Api({ baseUrl: srv.url, apiKey: srv.apiKey }),
      py: async (script, env = {}, apiKey = srv.apiKey) => {
        const res = await runPython({ url: proxy.url, apiKey }, script, env)
        expect(res.code, res.stderr).toBe(0)
        return res.result
      },
    }
    await setup?.(ctx)
  }, 180_000)
  afterAll(async () => {
    await ctx?.proxy.close()
    await ctx?.srv.close()
  })
  return () => {
    if (!ctx) throw new Error('the interop server is not up (use it inside tests)')
    return ctx
  }
}
