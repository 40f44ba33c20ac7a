import * as t from 'io-ts'

/** `T | null`: W&B sends `null` for every optional field it has no value for. */
export const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null])
