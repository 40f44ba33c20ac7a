/**
 * Artifacts: fetch an artifact version by alias (Python: `api.artifact('e/p/name:alias')`),
 * list its files, download it (streamed, parallel, skipping files already present), verify the
 * local copy against the manifest, and see verification catch a changed file. Locally, a small
 * dataset artifact is logged first through the W&B protocol, as a training job would.
 *
 * Run: `npx tsx examples/artifacts-download-verify.ts`, or
 * `WANDB_API_KEY=… npx tsx examples/artifacts-download-verify.ts --remote --project e/p --artifact name:alias`.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { logArtifact } from '../server/src/index.js'
import { openExample } from './support/open-example.js'

const { values } = parseArgs({ options: { artifact: { type: 'string' } }, strict: false })
const { api, project, local, close } = await openExample()
const root = mkdtempSync(join(tmpdir(), 'wandb-rx-artifact-'))
try {
  if (local) {
    await logArtifact(local, {
      entity: local.entity,
      project: project.split('/')[1] as string,
      type: 'dataset',
      name: 'digits',
      aliases: ['best'],
      files: { 'train.csv': 'x,y\n1,0\n2,1\n', 'test.csv': 'x,y\n3,1\n', 'labels/names.txt': 'zero\none\n' },
      metadata: { rows: 3, source: 'examples/artifacts-download-verify.ts' },
    })
  }
  const name = typeof values['artifact'] === 'string' ? values['artifact'] : 'digits:best'
  const artifact = await api.artifact(`${project}/${name}`)
  console.log(
    `${artifact.qualifiedName} (${artifact.type}): ${artifact.fileCount} files, ${artifact.size} bytes, aliases [${artifact.aliases.join(', ')}]`,
  )

  const first = await artifact.download({ root })
  console.log(
    `downloaded ${first.downloaded.length} files (${first.bytes} bytes), skipped ${first.skipped.length}`,
  )
  const again = await artifact.download({ root })
  console.log(`download again: ${again.downloaded.length} fetched, ${again.skipped.length} already present`)

  const ok = await artifact.verify(root)
  console.log(`verify: ${ok.ok ? 'ok' : 'FAILED'} (digest ${ok.digest.actual})`)

  // Change a file locally (remotely: add one), and verification names it.
  appendFileSync(join(root, local ? 'train.csv' : 'not-in-the-artifact.txt'), 'tampered\n')
  const bad = await artifact.verify(root)
  console.log(
    `after editing a file: ${bad.ok ? 'ok' : 'FAILED'}; differing [${bad.differing.map((d) => d.path).join(', ')}], extra [${bad.extra.join(', ')}]`,
  )
} finally {
  rmSync(root, { recursive: true, force: true })
  await close()
}
