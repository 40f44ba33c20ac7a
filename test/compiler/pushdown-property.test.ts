import fc from 'fast-check'
import { Query } from 'mingo'
import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/compiler/compile-filter.js'
import { filterArb, idNameFilterArb, runArb } from './support/arbitraries.js'
import { toServerDoc, type DateFormat } from './support/server-doc.js'
import { serverQuery, type ServerModel } from './support/server-stand-ins.js'

/**
 * The contract of the compiler: for any filter over the supported grammar and any runs, the
 * server part (evaluated over server-shaped documents by a stand-in for W&B) followed by the
 * residual (on the decoded Run) selects exactly the runs stock mingo selects with the original
 * filter on the Run objects. Two stand-ins: stock mingo (MongoDB semantics) and a stricter model
 * (SQL NULLs, case-insensitive regex), because W&B does not document which it follows.
 */
describe('pushdown equivalence (property)', () => {
  const check = (format: DateFormat, model: ServerModel, filters = filterArb(format === 'wandb')) =>
    fc.assert(
      fc.property(
        filters,
        fc.array(runArb(format === 'wandb'), { minLength: 1, maxLength: 8 }),
        (filter, runs) => {
          const compiled = compileFilter(filter as never)
          const oracle = new Query(filter)
          const server = serverQuery(compiled.serverFilter as Record<string, unknown>, model)
          expect(JSON.parse(JSON.stringify(compiled.serverFilter))).toEqual(compiled.serverFilter)
          for (const run of runs) {
            const expected = oracle.test(run as never)
            expect(compiled.test(run), 'matches() = mingo on the Run').toBe(expected)
            const split = server.test(toServerDoc(run, format)) && compiled.testResidual(run)
            expect(split, `server ${JSON.stringify(compiled.serverFilter)} + residual`).toBe(expected)
          }
        },
      ),
      { numRuns: 600 },
    )

  it('holds with a MongoDB-semantics server and full ISO dates', () => check('iso', 'mongo'))
  it("holds with a MongoDB-semantics server and W&B's second-precision dates", () => check('wandb', 'mongo'))
  it('holds with a SQL-NULL, case-insensitive-regex server', () => check('wandb', 'strict'))
  it('holds for id/name filters when names fall back to ids', () => {
    check('iso', 'mongo', idNameFilterArb)
    check('iso', 'strict', idNameFilterArb)
  })
})
