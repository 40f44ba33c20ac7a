/**
 * README.md's "Aggregations" section against the demo data: its picture is what the command under
 * it draws, and its CLI output block is what the first CLI line prints.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from 'wandb-rx-server'
import { cliOutput, PICTURE_COMMAND, PICTURE_FILE } from '../scripts/grouped-curves-picture.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const section = readme.split('\n## Aggregations\n')[1]!.split('\n## ')[0]!

let server: Awaited<ReturnType<typeof startServer>>
beforeAll(async () => void (server = await startServer({ port: 0, seed: 'demo' })), 60_000)
afterAll(() => server?.close())

describe('README: Aggregations', () => {
  it('shows the picture the command under it draws on the demo data', async () => {
    expect(section).toContain('](docs/grouped-curves.svg)')
    expect(section).toContain(`\`wandb-rx ${PICTURE_COMMAND.join(' ')}\``)
    const drawn = await cliOutput(server, PICTURE_COMMAND)
    // On a mismatch, redraw it: npx tsx scripts/grouped-curves-picture.ts
    expect(drawn).toBe(readFileSync(PICTURE_FILE, 'utf8'))
  }, 60_000)

  it("prints the table shown for the first CLI example's command", async () => {
    const command = /^wandb-rx (runs my-team\/mnist --group-by .*)$/m.exec(section)?.[1]
    const shown = /on the demo data \(`local\/mnist-classifier`\):\n\n```text\n([\s\S]*?)```/.exec(
      section,
    )?.[1]
    expect(command).toBeDefined()
    expect(shown).toBeDefined()
    const args = command!
      .replace('my-team/mnist', 'local/mnist-classifier')
      .split(/ (?=(?:[^']*'[^']*')*[^']*$)/) // spaces outside single quotes
      .map((arg) => arg.replace(/^'(.*)'$/, '$1'))
    expect(await cliOutput(server, args)).toBe(shown)
  }, 60_000)
})
