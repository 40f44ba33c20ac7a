import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from 'wandb-rx-server'
import { runCli } from '../../src/cli/run-cli.js'
import type { CliIo } from '../../src/cli/cli-io.js'

/** Runs the CLI in-process (no network is reached by these usage errors). */
async function run(args: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

describe('wandb-rx usage', () => {
  it('prints help and the version with exit 0', async () => {
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    for (const command of ['runs', 'history', 'export', 'watch', 'plot', 'serve'])
      expect(help.stdout).toContain(command)
    const version = await run(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/)
  })

  it.each([
    [['nope'], /unknown command/],
    [['runs'], /missing required argument/],
    [['runs', 'e/p', '--limit', 'x'], /whole number/],
    [['runs', 'e/p', '--format', 'xml'], /expected one of table, json, jsonl, csv/],
    [['runs', 'e/p', '--where', '{state: 1}'], /not valid JSON/],
    [['runs', 'e/p', '--where', '[1]'], /expected a JSON object/],
    [['plot', 'e/p/r'], /required option.*--key/],
  ])('exits 2 on %j', async (args, message) => {
    const result = await run(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stdout).toBe('')
  })

  it.each([
    [
      ['runs', 'e/p', '--where', '{"summary.loss":{"$foo":1}}'],
      /FilterCompileError: Invalid filter at summary.loss.\$foo/,
    ],
    [['history', 'a/b/c/d'], /PathError: invalid path "a\/b\/c\/d"/],
    [['history', 'e/p/r', '--samples', '5', '--all'], /--samples and --all cannot be combined/],
    [['history', 'e/p/r', '--format', 'parquet'], /parquet is binary: pass --out/],
    [['plot', 'e/p/r', '--key', 'loss', '--out', 'x.gif'], /plot writes SVG or PNG/],
  ])('exits 2 with one line on %j', async (args, message) => {
    const result = await run(['--base-url', 'http://127.0.0.1:9', '--api-key', 'k'.repeat(40), ...args])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  describe('against a server', () => {
    let server: Awaited<ReturnType<typeof startServer>>
    beforeAll(async () => void (server = await startServer({ port: 0, seed: false })))
    afterAll(() => server.close())

    it('exits 1 on a runtime error, with one line, never the key, and the stack with --debug', async () => {
      const key = 'secret-key-0123456789-0123456789-abcdefgh'
      const args = ['--base-url', server.url, '--api-key', key, 'history', 'e/p/r', '--samples', '3']
      const plain = await run(args)
      expect(plain.code).toBe(1)
      expect(plain.stderr).toMatch(/^wandb-rx: AuthError: /)
      expect(plain.stderr.trim().split('\n')).toHaveLength(1)
      expect(plain.stderr).not.toContain(key)
      const debug = await run(['--debug', ...args])
      expect(debug.code).toBe(1)
      expect(debug.stderr.split('\n').length).toBeGreaterThan(3)
      expect(debug.stderr).toContain('    at ')
      expect(debug.stderr).not.toContain(key)
    })

    it('exits 1 with NotFoundError for a run that does not exist', async () => {
      const result = await run([
        '--base-url',
        server.url,
        '--api-key',
        server.apiKey,
        'history',
        'local/nope/r1',
      ])
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^wandb-rx: NotFoundError: .*local\/nope/)
      expect(result.stderr).not.toContain(server.apiKey)
    })
  })
})
