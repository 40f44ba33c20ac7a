import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Subject, of, throwError } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { consume } from '../../src/cli/consume.js'
import { HistoryStaging } from '../../src/cli/export/history-staging.js'
import { runPool } from '../../src/cli/export/run-pool.js'
import { countParser, parseList, parseWhere } from '../../src/cli/option-parsers.js'
import { renderError } from '../../src/cli/render-error.js'
import { sparkline } from '../../src/cli/sparkline.js'
import { textTable } from '../../src/cli/text-table.js'
import { applyWatchEvent, initialWatchState } from '../../src/cli/watch/watch-state.js'
import { formatAge, renderWatchView } from '../../src/cli/watch/watch-view.js'

describe('sparkline', () => {
  it('scales to the blocks, shows gaps for non-finite values and keeps the last `width`', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█')
    expect(sparkline([1, NaN, 1])).toBe('▄ ▄')
    expect(sparkline([0, 10, 0, 10], 2)).toBe('▁█')
    expect(sparkline([])).toBe('')
  })
})

describe('watch view', () => {
  it('folds events into latest values and series, and renders one line per key', () => {
    let state = initialWatchState('running', new Date(1000))
    state = applyWatchEvent(
      state,
      {
        type: 'history',
        rows: [
          { _step: 0, loss: 2, acc: 0.1 },
          { _step: 1, loss: 1, acc: 0.2 },
        ],
      },
      { keys: ['loss'] },
    )
    state = applyWatchEvent(state, { type: 'heartbeat', at: new Date(5000) })
    state = applyWatchEvent(state, { type: 'end', state: 'finished' })
    expect(state).toMatchObject({ state: 'finished', step: 1, rows: 2, ended: true })
    expect([...state.latest]).toEqual([['loss', 1]])
    expect(renderWatchView('e/p/r', state, 8000)).toEqual([
      'e/p/r  finished  step 1  rows 2  heartbeat 3s ago',
      '  loss           1  █▁',
    ])
    expect(formatAge(125_000)).toBe('2m05s')
  })
})

describe('textTable', () => {
  it('aligns columns, right-aligns numbers and cuts long cells', () => {
    const text = textTable(
      ['name', 'loss'],
      [
        { name: 'a-very-long-run-name', loss: 0.123456789 },
        { name: 'b', loss: NaN },
      ],
      10,
    )
    expect(text).toBe(
      'name            loss\n----------  --------\na-very-lo…  0.123457\nb                NaN\n',
    )
  })
})

describe('option parsers', () => {
  it('parse --where, lists and counts, rejecting bad input', () => {
    expect(parseWhere('{"summary.loss": {"$lt": NaN}}')).toEqual({ 'summary.loss': { $lt: NaN } })
    expect(() => parseWhere('{"a":')).toThrow(/not valid JSON/)
    expect(parseList(' loss, acc ,')).toEqual(['loss', 'acc'])
    expect(countParser(0)('0')).toBe(0)
    expect(() => countParser(1)('1.5')).toThrow(/whole number/)
  })
})

describe('renderError', () => {
  it('masks secrets and keeps one line without --debug', () => {
    const error = new Error('failed with key abcd1234efgh\nsecond line')
    expect(renderError(error, { secrets: ['abcd1234efgh'] })).toBe('wandb-rx: Error: failed with key ***')
    expect(renderError(error, { debug: true, secrets: ['abcd1234efgh'] })).not.toContain('abcd1234efgh')
  })
})

describe('consume', () => {
  it('resolves on completion, rejects on error and on a throwing callback, and stops on abort', async () => {
    const seen: number[] = []
    await consume(of(1, 2, 3), (v) => seen.push(v))
    expect(seen).toEqual([1, 2, 3])
    await expect(
      consume(
        throwError(() => new Error('boom')),
        () => undefined,
      ),
    ).rejects.toThrow('boom')
    await expect(
      consume(of(1), () => {
        throw new Error('sink')
      }),
    ).rejects.toThrow('sink')
    const subject = new Subject<number>()
    const controller = new AbortController()
    const done = consume(subject, (v) => seen.push(v), controller.signal)
    subject.next(4)
    controller.abort()
    subject.next(5)
    await done
    expect(seen).toEqual([1, 2, 3, 4])
    expect(subject.observed).toBe(false)
  })
})

describe('runPool', () => {
  it('never runs more than `concurrency` tasks at once and rethrows the first failure', async () => {
    let running = 0
    let most = 0
    await runPool([1, 2, 3, 4, 5], 2, async () => {
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
    })
    expect(most).toBe(2)
    await expect(
      runPool([1, 2], 1, async (n) => {
        if (n === 1) throw new Error('first')
      }),
    ).rejects.toThrow('first')
  })
})

describe('HistoryStaging', () => {
  it('truncates to the checkpoint on resume, dropping rows written after it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wandb-rx-staging-'))
    try {
      const path = join(dir, 'r.jsonl.partial')
      const first = new HistoryStaging(path, 0)
      first.write({ _step: 0, loss: NaN })
      const bytes = first.checkpoint()
      first.write({ _step: 1, loss: 1 }) // written after the checkpoint: lost in a "kill"
      first.close()
      const resumed = new HistoryStaging(path, bytes)
      resumed.write({ _step: 1, loss: 0.5 })
      resumed.close()
      expect(readFileSync(path, 'utf8')).toBe('{"_step":0,"loss":NaN}\n{"_step":1,"loss":0.5}\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
