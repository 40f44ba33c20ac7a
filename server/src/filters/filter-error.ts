/**
 * A filter or order the server cannot evaluate. It becomes a GraphQL error whose message names
 * the offending path, e.g. `invalid filters at $.config.lr: unsupported operator $size`.
 */
export class FilterError extends Error {
  override readonly name = 'FilterError'
  constructor(
    readonly reason: string,
    readonly path = '$',
  ) {
    super(`invalid filters at ${path}: ${reason}`)
  }
}
