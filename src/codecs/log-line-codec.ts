import * as t from 'io-ts'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'

/** One console line node as W&B sends it (`run.logLines`, PROTOCOL §4). */
export const LogLineNode = t.partial({
  number: nullable(t.number),
  timestamp: nullable(t.string),
  level: nullable(t.string),
  label: nullable(t.string),
  line: nullable(t.string),
})
export type LogLineNode = t.TypeOf<typeof LogLineNode>

/**
 * One line of a run's console output (`output.log`), as plain frozen data.
 *
 * @example
 * ```ts
 * const l: LogLine = { number: 41, timestamp: '2024-01-01T00:00:00.000000', level: 'error', label: null, line: 'CUDA OOM' }
 * ```
 */
export interface LogLine {
  /** 0-based line number in `output.log`. */
  readonly number: number
  /** The UTC timestamp the writer put on the line, as sent (no `Z`), or null. */
  readonly timestamp: string | null
  /** The stream as the server labels it (`error` for stderr, `info` for stdout), or null. */
  readonly level: string | null
  /** The process label of multi-process runs, or null. */
  readonly label: string | null
  readonly line: string
}

/** The user-facing {@link LogLine}; a line without a number gets `fallback` (its position). */
export const toLogLine = (node: LogLineNode, fallback: number): LogLine =>
  Object.freeze({
    number: node.number ?? fallback,
    timestamp: node.timestamp ?? null,
    level: node.level ?? null,
    label: node.label ?? null,
    line: node.line ?? '',
  })

/** `project { run { logLineCount logLines { edges { node } pageInfo } } }`. */
export const RunLogLinesResponse = t.type({
  project: nullable(
    t.type({
      run: nullable(
        t.intersection([
          t.type({
            logLines: nullable(
              t.type({
                edges: t.array(t.type({ node: LogLineNode })),
                pageInfo: PageInfo,
              }),
            ),
          }),
          t.partial({ logLineCount: nullable(t.number) }),
        ]),
      ),
    }),
  ),
})
export type RunLogLinesResponse = t.TypeOf<typeof RunLogLinesResponse>
