import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { upsertRun, withServer } from './helpers.js'
import {
  historyOf,
  logRows,
  parquetHistoryOf,
  readThroughExports,
  waitFor,
  type Row,
} from './parquet-support.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer({ parquetExportRows: 7 })
})
afterAll(() => srv.close())

// A small key pool makes keys collide across rows, so columns get mixed types and sparse rows.
const key = fc.constantFrom('loss', 'acc', 'train/loss', 'a.b', 'x y', 'ünï', '_runtime', 'media', '')
const leaf = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constant(null),
)
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), tie('obj')),
  obj: fc.dictionary(fc.constantFrom('x', 'y', '_type', 'n.m'), tie('v'), { maxKeys: 3 }),
})).v
// Rows of one history: non-decreasing steps (W&B's `_step`), some repeated, some skipped.
const history = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.dictionary(key, value, { maxKeys: 5 })), {
    maxLength: 40,
  })
  .map((rows) => {
    let step = 0
    return rows.map(([gap, row]) => ({ ...row, _step: (step += gap) }) as Row)
  })

let n = 0
// fast-check prints its seed when a property fails, not when the test times out first: the seed is
// chosen here and printed on any failure; FC_SEED=<seed> replays a run.
const seed = Number(process.env['FC_SEED'] ?? Math.floor(Math.random() * 2 ** 31))

describe('Parquet exports round-trip (property)', () => {
  it('files + live tail read back with hyparquet equal history, running or finished, however logged', async () => {
    onTestFailed(() => console.error(`parquet round-trip: fast-check seed ${seed} (replay: FC_SEED=${seed})`))
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 6 }),
        fc.boolean(),
        async (rows, cuts, finish) => {
          const name = `r${n++}`
          await upsertRun(srv, { name, project: 'prop' })
          let at = 0
          for (const size of [...cuts, rows.length]) {
            const end = Math.min(rows.length, at + size)
            await logRows(srv, `local/prop/${name}`, at, rows.slice(at, end))
            at = end
          }
          if (finish) {
            await logRows(srv, `local/prop/${name}`, at, [], true)
            if (rows.length > 0) {
              await waitFor(
                () => parquetHistoryOf(srv, 'prop', name),
                (p) => p.liveData.length === 0,
              )
            }
          }
          const expected = await historyOf(srv, 'prop', name)
          expect(expected).toHaveLength(rows.length)
          expect(await readThroughExports(srv, 'prop', name)).toEqual(expected)
        },
      ),
      { numRuns: 60, seed },
    )
  }, 120_000)
})
