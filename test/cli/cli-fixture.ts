import { startServer } from 'wandb-rx-server'
import { logRun, uploadFiles } from '../support/local-run-writer.js'

/** The project the CLI tests read, logged over the W&B protocol like a real logger would. */
export const PROJECT = 'cli-test'

/** History of `r-a`: a loss curve with NaN and ±Infinity, a nested key, a string key. */
export function rowsOfA(n = 300): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, step) => ({
    _step: step,
    _runtime: step / 10,
    _timestamp: 1_700_000_000 + step,
    loss: step === 7 ? NaN : step === 8 ? Infinity : step === 9 ? -Infinity : 2 / (step + 1),
    eval: { loss: 3 / (step + 1) },
    phase: step < n / 2 ? 'warmup' : 'train',
  }))
}

/** Files saved with `r-b`. */
export const FILES_OF_B: Readonly<Record<string, string>> = {
  'config.yaml': 'lr: 0.01\n',
  'media/notes.txt': 'a note, with a comma\n',
}

/** Starts a local server holding three runs of {@link PROJECT}; returns it with CLI env/args. */
export async function startFixture() {
  const server = await startServer({ port: 0, seed: false })
  await logRun(server, {
    project: PROJECT,
    name: 'r-a',
    rows: rowsOfA(),
    config: { lr: 0.1, opt: { name: 'adam' } },
    summary: { loss: 0.2, acc: 0.9 },
  })
  await logRun(server, {
    project: PROJECT,
    name: 'r-b',
    rows: 50,
    config: { lr: 0.01, opt: { name: 'adam' } },
    summary: { loss: 0.5, acc: 0.7 },
  })
  await uploadFiles(server, PROJECT, 'r-b', FILES_OF_B)
  await logRun(server, {
    project: PROJECT,
    name: 'r-c',
    rows: 20,
    config: { lr: 1, opt: { name: 'sgd' } },
    summary: { loss: NaN },
    exitcode: 1,
  })
  return {
    server,
    env: { WANDB_API_KEY: server.apiKey },
    base: ['--base-url', server.url],
    project: `${server.entity}/${PROJECT}`,
  }
}
