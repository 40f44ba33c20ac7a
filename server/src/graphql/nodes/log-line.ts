/** One console line as W&B serves it (`logLines` node). */
export interface LogLine {
  readonly id: string
  readonly number: number
  readonly timestamp: string | null
  readonly level: 'info' | 'error'
  readonly label: string | null
  readonly line: string
}

// Legacy output.log form: `[ERROR ]<UTC ts, µs, no Z>[ [label]] <text>` (PROTOCOL §9).
const FORMAT = /^(ERROR )?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)(?: \[([^\]]*)\])?(?: (.*))?$/s

/**
 * Splits a stored output.log line into its parts; lines in another form keep all their text.
 *
 * @example parseLogLine(3, 'ERROR 2024-01-01T00:00:00.000000 boom')
 * // { id: '3', number: 3, timestamp: '2024-01-01T00:00:00.000000', level: 'error', label: null, line: 'boom' }
 */
export function parseLogLine(number: number, content: string): LogLine {
  const m = FORMAT.exec(content)
  if (!m) return { id: String(number), number, timestamp: null, level: 'info', label: null, line: content }
  return {
    id: String(number),
    number,
    timestamp: m[2] ?? null,
    level: m[1] ? 'error' : 'info',
    label: m[3] ?? null,
    line: m[4] ?? '',
  }
}
