/**
 * Filters cookbook: the filter forms wandb-rx accepts, what each compiles to (`compile()` makes
 * no request), which part the server evaluates and which part runs locally, and an offline
 * check with `matches()` on a hand-made run (`makeRun`), the way you would unit-test a filter.
 *
 * Run: `npx tsx examples/filters-cookbook.ts`.
 */
import assert from 'node:assert/strict'
import { makeRun } from '../src/index.js'
import { openExample } from './support/open-example.js'

const { api, project, close } = await openExample()
try {
  const runs = api.runs(project)
  const recipes = {
    'finished runs': runs.where({ state: 'finished' }),
    'by tag': runs.where({ tags: { $in: ['baseline', 'best'] } }),
    'config range': runs.where({ 'config.lr': { $gte: 1e-3, $lt: 1e-2 } }),
    'nested config': runs.where({ 'config.arch.hidden': 256 }),
    'summary below a bound': runs.where({ 'summary.val_loss': { $lt: 0.5 } }),
    'name regex': runs.where({ name: { $regex: '^(brisk|calm)-' } }),
    'or of two': runs.where({ $or: [{ 'config.optimizer': 'sgd' }, { 'config.batch_size': { $gt: 64 } }] }),
    'field helpers': runs.where((f) => f.and(f.config('model').eq('cnn'), f.summary('val_loss').lt(1))),
  }
  for (const [title, query] of Object.entries(recipes)) {
    const compiled = query.compile()
    const count = (await query.toArray()).length
    console.log(`${title}: ${count} runs`)
    console.log(`  server:   ${compiled.variables.filters}`)
    const residual = JSON.stringify(compiled.residual, (_key, v: unknown) =>
      v instanceof RegExp ? String(v) : v,
    )
    console.log(`  residual: ${compiled.residual === null ? '(none)' : residual}`)
  }

  // Offline: the same filter, checked on runs made by hand (no server, no network).
  const cheapAndGood = runs.where({ 'config.batch_size': { $lte: 64 }, 'summary.val_loss': { $lt: 0.3 } })
  assert.equal(
    cheapAndGood.matches(makeRun({ config: { batch_size: 32 }, summary: { val_loss: 0.25 } })),
    true,
  )
  assert.equal(
    cheapAndGood.matches(makeRun({ config: { batch_size: 128 }, summary: { val_loss: 0.25 } })),
    false,
  )
  assert.equal(
    cheapAndGood.matches(makeRun({ config: { batch_size: 32 }, summary: { val_loss: NaN } })),
    false,
  )
  console.log('offline matches() checks: ok')

  // A filter mistake fails at once, naming the spot, before any request is made.
  try {
    runs.where({ 'summary.loss': { $between: [0, 1] } })
  } catch (error) {
    console.log(`rejected: ${(error as Error).message}`)
  }
} finally {
  await close()
}
