/**
 * Regenerates docs/grouped-curves.svg, the README's picture of `plot --group-by`: the demo data
 * (`startServer({ seed: 'demo' })`, deterministic) plotted by the CLI itself with
 *
 *   wandb-rx plot local/mnist-classifier --key train.loss --group-by config.optimizer
 *
 * Run `npx tsx scripts/grouped-curves-picture.ts`; test/readme-aggregations.test.ts checks that the
 * committed picture is still what this command draws.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startServer } from 'wandb-rx-server'
import { runCli } from '../src/cli/run-cli.js'

/** The command's arguments, after the global flags. */
export const PICTURE_COMMAND = [
  'plot',
  'local/mnist-classifier',
  '--key',
  'train.loss',
  '--group-by',
  'config.optimizer',
] as const

/** Where the picture lives in the repository. */
export const PICTURE_FILE = fileURLToPath(new URL('../docs/grouped-curves.svg', import.meta.url))

/** Runs `wandb-rx args…` in-process against a server; resolves with what it printed on stdout. */
export async function cliOutput(
  server: { readonly url: string; readonly apiKey: string },
  args: readonly string[],
): Promise<string> {
  let stdout = ''
  let stderr = ''
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  }
  const code = await runCli(['--base-url', server.url, '--api-key', server.apiKey, ...args], io)
  if (code !== 0) throw new Error(`wandb-rx ${args.join(' ')} exited ${code}: ${stderr}`)
  return stdout
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startServer({ port: 0, seed: 'demo' })
  try {
    writeFileSync(PICTURE_FILE, await cliOutput(server, PICTURE_COMMAND))
    console.log(`wrote ${PICTURE_FILE}`)
  } finally {
    await server.close()
  }
}
