/**
 * Exports and plots: streaming CSV / JSONL / Parquet writers (Node: they write files), and pure
 * table and chart builders (`runsTable`, `compareConfigs`, `lineChartSvg`, `curveSeries`) that run anywhere.
 *
 * @example
 * ```ts
 * import { csvSink, fileTarget, runsTable, lineChartSvg } from 'wandb-rx/node'
 * const sink = csvSink(fileTarget('loss.csv'))
 * api.run(path).scanHistory().subscribe({ next: (row) => sink.write(row), complete: () => sink.close() })
 * ```
 */
// Pure (no Node APIs)
export { flattenRecord } from './flatten-record.js'
export { cellText } from './cell-text.js'
export {
  runsTable,
  runRecord,
  type RunsTable,
  type RunsTableOptions,
  type RunsTableRow,
} from './runs-table.js'
export { compareConfigs, type ConfigComparison, type ConfigDifference } from './compare-configs.js'
export { lineChartSvg, type LineChartOptions, type PlotSeries } from './line-chart-svg.js'
export type { PlotPoint, BandPoint } from './series-path.js'
export { curveSeries, type CurveBand } from './curve-series.js'
export type { ExportFormat, ExportRow, RowSink } from './row-sink.js'
// Node (files)
export { csvSink, type CsvSinkOptions } from './csv-sink.js'
export { jsonlSink, type JsonlSinkOptions, type NonFiniteMode } from './jsonl-sink.js'
export { parquetSink, type ParquetSinkOptions } from './parquet-sink.js'
export { createSink, type CreateSinkOptions } from './create-sink.js'
export { fileTarget, streamTarget, type TextTarget, type TextWritable } from './text-target.js'
export { writeRows } from './write-rows.js'
