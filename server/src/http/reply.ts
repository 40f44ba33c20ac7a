/** What a route answers; the handler writes it (or, for a `reset` fault, half of it). */
export interface Reply {
  readonly status: number
  readonly body: string | Buffer
  readonly headers?: Readonly<Record<string, string>>
}

/** A JSON reply; every server answer is `application/json` unless it is a file download. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  }
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
