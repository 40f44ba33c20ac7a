/** `Run.parquetHistory` (PROTOCOL §13): where a run's exported history files are, and its live rows. */
export const PARQUET_HISTORY_SDL = /* GraphQL */ `
  extend type Run {
    parquetHistory(liveKeys: [String!]!): RunParquetHistory!
  }
  type RunParquetHistory {
    parquetUrls: [String!]!
    liveData: [JSON!]!
  }
`
