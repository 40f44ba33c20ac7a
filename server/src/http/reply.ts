/** What a route answers; the handler writes it (or, for a `reset` fault, half of it). */
export interface Reply {
  readonly status: number
  /** Text, bytes, or JSON text in pieces (see `stringifyPieces`), written one after another. */
  readonly body: string | Buffer | readonly string[]
  readonly headers?: Readonly<Record<string, string>>
}

/** A JSON reply; every server answer is `application/json` unless it is a file download. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return jsonText(status, typeof body === 'string' ? body : JSON.stringify(body), headers)
}

/** A JSON reply already serialised, as one text or in pieces. */
export function jsonText(
  status: number,
  text: string | readonly string[],
  headers: Record<string, string> = {},
): Reply {
  return { status, body: text, headers: { 'content-type': 'application/json', ...headers } }
}

/** The error body W&B clients read: `{"errors": [{"message"}]}`. */
export const errorJson = (status: number, message: string, headers: Record<string, string> = {}): Reply =>
  json(status, { errors: [{ message }] }, headers)

export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}
