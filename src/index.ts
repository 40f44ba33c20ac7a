/**
 * wandb-rx: query Weights & Biases runs, history, files, sweeps and artifacts as typed,
 * composable RxJS streams.
 *
 * @example
 * ```ts
 * import { Api } from 'wandb-rx'
 * const api = new Api()
 * api.runs('my-team/mnist').where({ 'summary.loss': { $lt: 0.2 } }).orderBy('+summary.loss').stream()
 *   .subscribe((run) => console.log(run.name, run.summary.loss))
 * ```
 *
 * @packageDocumentation
 */

// Entry point
export { Api } from './api/api.js'
export type { ApiOptions } from './api/api-options.js'
export { RunHandle } from './api/run-handle.js'
export { parseRunPath, parseProjectPath, type RunPath, type ProjectPath } from './api/run-path.js'
export { appUrlFor } from './api/app-url.js'
export { defaultApi, run, runs } from './api/default-api.js'

// Writes, files, sweeps, projects, reports
export type { Sweep, BestRunOptions } from './api/sweep.js'
export type { SweepMetric } from './codecs/sweep-config.js'
export { parseSweepConfig, sweepMetric } from './codecs/sweep-config.js'
export type { Project } from './api/project.js'
export type { CreateProjectOptions } from './api/projects.js'
export { reportUrl, type Report, type ReportUser } from './api/report.js'
export type { ReportsOptions } from './api/list-reports.js'
export type { PagedListing } from './api/paged-listing.js'
export { SummaryHandle } from './api/summary-handle.js'
export type { RunUpdate, RunUpdateOptions } from './api/run-writes.js'
export type { CreateRunOptions } from './api/create-run.js'
export type { UploadSource, UploadRunFileOptions } from './api/upload-run-file.js'
export type { RunLogsOptions } from './api/run-logs.js'
export type { LogLine } from './codecs/log-line-codec.js'
export { fileBlob } from './api/file-blob.js'
export { fileStream } from './api/file-stream.js'

// Users, teams, artifacts, registries
export { Artifact, type ArtifactData, type ArtifactFilesOptions } from './api/artifact.js'
export { manifestDigestText, type ArtifactManifest, type ManifestEntry } from './api/artifact-manifest.js'
export type {
  DownloadArtifactOptions,
  DownloadedArtifact,
  ArtifactVerification,
  DifferingFile,
  DownloadableArtifact,
} from './api/artifact-download-types.js'
export {
  parseArtifactPath,
  isRegistryProject,
  REGISTRY_PREFIX,
  type ArtifactPath,
} from './api/artifact-path.js'
export type { FetchArtifactOptions, ArtifactVersionsOptions } from './api/artifacts.js'
export type { ArtifactFile } from './codecs/artifact-file-codec.js'
export type { ArtifactCollection, ArtifactType } from './codecs/artifact-collection-codec.js'
export type {
  Registry,
  Registries,
  RegistryCollections,
  RegistryVersions,
  RegistriesOptions,
  RegistrySearchOptions,
} from './api/registries.js'
export { prefixRegistryNames, checkRegistryFilter, type MongoFilter } from './api/registry-filter.js'
export type { OrganizationInfo } from './api/resolve-organization.js'
export type { UserDetails, ApiKeyInfo } from './codecs/user-details-codec.js'
export type { GeneratedApiKey } from './api/users.js'
export type { Team, TeamMember } from './codecs/team-codec.js'
export type { CreateTeamOptions, InviteTarget, Invite, ServiceAccount } from './api/teams.js'

// Streams
export { scanHistoryOf, type ScanHistoryOfOptions, type TaggedHistoryRow } from './streams/scan-history-of.js'
export { scanHistories } from './streams/scan-histories.js'
export { watchMany, type WatchOptions } from './streams/watch-many.js'
export { TERMINAL_STATES, type RunEvent, type WatchManyEvent } from './streams/run-event.js'
export type { HistoryOptions, SystemMetricsRow } from './streams/history.js'
export type { ScanHistoryOptions } from './streams/scan-history.js'
export type { HistorySource } from './streams/parquet-history.js'
export type { HistoryCache, CachedFile } from './internal/history-cache.js'
export type { FilesOptions } from './streams/files.js'
export type { BackoffOptions } from './streams/poll-delay.js'
export { createRunsRuntime } from './streams/runs-runtime.js'

// Tables and charts (pure; file writers live in 'wandb-rx/node')
export { flattenRecord } from './exports/flatten-record.js'
export { cellText } from './exports/cell-text.js'
export {
  runsTable,
  runRecord,
  type RunsTable,
  type RunsTableOptions,
  type RunsTableRow,
} from './exports/runs-table.js'
export { compareConfigs, type ConfigComparison, type ConfigDifference } from './exports/compare-configs.js'
export { lineChartSvg, type LineChartOptions, type PlotSeries } from './exports/line-chart-svg.js'
export type { PlotPoint, BandPoint } from './exports/series-path.js'
export { curveSeries, type CurveBand } from './exports/curve-series.js'
export type { ExportFormat, ExportRow, RowSink } from './exports/row-sink.js'

// Query DSL and compiler (no I/O)
export { createRunsQuery } from './dsl/builders/create-runs-query.js'
export type { RunsQuery, RunsQueryInit, OrderKey, WhereInput } from './dsl/builders/runs-query.js'
export { fieldHelpers, type FieldHelpers, type FilterInput } from './dsl/builders/field-helpers.js'
export type { Field, ArrayField, DateField } from './dsl/builders/field-ref.js'
export type { Filter, Condition, OperatorExpression } from './dsl/types/filter.js'
export type { RunSchema, AnyRunSchema } from './dsl/types/run-schema.js'
export type { RunPath as RunFieldPath, RunPathValue, RunFieldTypes } from './dsl/types/run-paths.js'
export type { RunsQueryRuntime, RunsPage, LiveOptions, LiveEvent } from './dsl/runs-query-runtime.js'
export { FilterNode, type LogicalNode } from './dsl/nodes/filter-node.js'
export { PredicateNode, type PredicateOperator, type FilterValue } from './dsl/nodes/predicate-node.js'
export { NotNode } from './dsl/nodes/not-node.js'
export { FieldPathNode } from './dsl/nodes/field-path-node.js'
export { OrderByNode, type OrderDirection } from './dsl/nodes/order-by-node.js'
export { RunsQueryNode, type SortLocallyNode } from './dsl/nodes/runs-query-node.js'
export { parseFilter } from './dsl/parsers/filter-parser.js'
export { parseOrderKey, type OrderKeyInput } from './dsl/parsers/order-by-parser.js'
export { compileFilter, type CompiledFilter } from './compiler/compile-filter.js'
export { compileRunsQuery } from './compiler/compile-runs-query.js'
export type { CompiledRunsQuery, RunsQueryVariables } from './compiler/compiled-runs-query.js'
export type { ClientSort } from './compiler/client-sort.js'
export type { ConjunctPlacement } from './compiler/split-filter.js'
export { makeRun, type MakeRunInput } from './testing/make-run.js'
export { aggregateRuns } from './compiler/aggregate-runs.js'
export type { AggregateQuery } from './dsl/builders/aggregate-query.js'
export type { CompiledAggregateQuery } from './compiler/compiled-aggregate-query.js'
export type {
  Pipeline,
  PipelineStage,
  AnyStage,
  MatchStage,
  RunStage,
  FieldRef,
  Operand,
  GroupKey,
  Accumulator,
  ExpressionObject,
} from './dsl/types/pipeline.js'

// Aggregations: grouped curves (pure; query.curves() fetches and live-updates them)
export { groupCurves } from './curves/group-curves.js'
export type { CurveSet, CurveGroup, CurvePoint, RunSeries } from './curves/curve-set.js'
export type { CurveOptions, GroupCurvesOptions } from './dsl/types/curve-options.js'

// Data
export type { Run, RunState, RunUser, RunContext } from './codecs/run.js'
export { toRun, unwrapConfig } from './codecs/run.js'
export type { User } from './codecs/user-codec.js'
export type { HistoryRow } from './codecs/history-row-codec.js'
export type { RunFile } from './codecs/run-file-codec.js'
export { RemoteRunFile } from './api/remote-run-file.js'
export type { DownloadRunFileOptions, DownloadedFile } from './api/run-file-download-types.js'

// Errors
export { WandbError } from './errors/wandb-error.js'
export { TransportError, CommError, type TransportErrorData } from './errors/transport-error.js'
export { AuthError } from './errors/auth-error.js'
export { RateLimitError } from './errors/rate-limit-error.js'
export { GraphQLResponseError, type GraphQLErrorEntry } from './errors/graphql-response-error.js'
export { NotFoundError } from './errors/not-found-error.js'
export { PathError } from './errors/path-error.js'
export { FilterCompileError } from './errors/filter-compile-error.js'
export { UnsafePathError } from './errors/unsafe-path-error.js'
export { ChecksumMismatchError } from './errors/checksum-mismatch-error.js'
export { ParquetHistoryError, type ParquetHistoryFailure } from './errors/parquet-history-error.js'
export { FileExistsError } from './errors/file-exists-error.js'
export { NodeOnlyError } from './errors/node-only-error.js'
export { ResponseDecodeError, type DecodeIssue } from './errors/response-decode-error.js'
export { PipelineError } from './errors/pipeline-error.js'

// Transport
export {
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type GraphQLRequest,
} from './transport/http-client.js'
export { DEFAULT_RETRY_POLICY, retryPolicy, type RetryPolicy } from './transport/retry-policy.js'
export type { RateLimitOptions } from './transport/rate-limiter.js'
export type { FetchLike } from './transport/resolve-fetch.js'
export type { TransportStatsSnapshot } from './transport/transport-stats.js'
export { parseExtendedJson, stringifyExtendedJson } from './internal/extended-json.js'
export { VERSION } from './version.js'
