/** A file_stream request the server refuses; `status` is the HTTP status to answer with. */
export class FileStreamError extends Error {
  override readonly name = 'FileStreamError'
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}
