import { closeSync, openSync, writeSync } from 'node:fs'

/**
 * Where a text export goes: a file or a stream such as stdout. `write` never queues without
 * limit: file targets write synchronously once a small buffer fills, so memory stays bounded
 * however many rows pass through.
 *
 * @example
 * ```ts
 * const target = fileTarget('history.csv')
 * target.write('a,b\n')
 * await target.close()
 * ```
 */
export interface TextTarget {
  write(text: string): void
  close(): Promise<void>
}

/** Anything with a Node-style `write(string)`: `process.stdout`, a `Writable`, a test double. */
export interface TextWritable {
  write(chunk: string): unknown
}

const FLUSH_AT = 64 * 1024

/**
 * A text target writing to `path` (truncated, or appended to with `{ append: true }`) in 64 KiB
 * synchronous chunks. Synchronous writes are what keep memory bounded: rows cannot pile up
 * behind a slow disk.
 *
 * @example
 * ```ts
 * const target = fileTarget('out/rows.jsonl', { append: true })
 * ```
 */
export function fileTarget(path: string, options: { append?: boolean } = {}): TextTarget {
  const fd = openSync(path, options.append ? 'a' : 'w')
  let pending: string[] = []
  let size = 0
  const flush = () => {
    if (size === 0) return
    writeSync(fd, pending.join(''))
    pending = []
    size = 0
  }
  return {
    write(text) {
      pending.push(text)
      size += text.length
      if (size >= FLUSH_AT) flush()
    },
    async close() {
      flush()
      closeSync(fd)
    },
  }
}

/**
 * A text target over a stream (stdout in the CLI). Closing does not end the stream, so stdout
 * stays usable for the next command.
 *
 * @example
 * ```ts
 * const target = streamTarget(process.stdout)
 * ```
 */
export function streamTarget(stream: TextWritable): TextTarget {
  return {
    write: (text) => void stream.write(text),
    close: async () => undefined,
  }
}
