import type { Subscription } from 'rxjs'
import uPlot from 'uplot'
import { groupCurves, type Api, type Run } from 'wandb-rx'
import { $, h } from './dom.js'
import { groupedPlot, type GroupedPlot } from './grouped-plot.js'

const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7']

/**
 * A line chart (uPlot) of one metric for the selected runs. `watchMany` replays each run's
 * history and then extends it while the runs are running, in one batched request per poll.
 * The container's `data-points` attribute counts the points received. With a group-by path,
 * it draws one mean line per group with a min–max band instead (`groupCurves` over the same
 * points), and a legend of the groups with their run counts (`#chart-legend`).
 */
export class ChartView {
  readonly #api: Api
  readonly #points = new Map<string, Map<number, number>>()
  #runs = new Map<string, Run>()
  #watch: Subscription | undefined
  #key = ''
  #groupBy = ''
  #plot: uPlot | undefined
  /** What the plot's series stand for; a change rebuilds the plot instead of updating its data. */
  #shape = ''
  #frame = 0

  constructor(api: Api) {
    this.#api = api
  }

  /**
   * Shows `metric` for `runs` (in table order), grouped by the Run path `groupBy` unless it is
   * empty; resubscribes only when the runs or the metric changed.
   */
  show(runs: readonly Run[], metric: string, groupBy = ''): void {
    const paths = runs.map((r) => r.path)
    this.#runs = new Map(runs.map((r) => [r.path, r]))
    const regroup = groupBy !== this.#groupBy
    this.#groupBy = groupBy
    const key = JSON.stringify([metric, paths])
    if (key === this.#key) {
      if (regroup) this.#draw(metric)
      return
    }
    this.#key = key
    this.#watch?.unsubscribe()
    this.#points.clear()
    for (const path of paths) this.#points.set(path, new Map())
    this.#draw(metric)
    if (paths.length === 0 || metric === '') return
    this.#watch = this.#api.watchMany(paths, { keys: [metric], intervalMs: 1000 }).subscribe({
      next: ({ path, event }) => {
        if (event.type !== 'history') return
        const series = this.#points.get(path)
        for (const row of event.rows) {
          const value = row[metric]
          if (typeof value === 'number' && Number.isFinite(value)) series?.set(Number(row._step), value)
        }
        cancelAnimationFrame(this.#frame)
        this.#frame = requestAnimationFrame(() => this.#draw(metric))
      },
      error: (e: unknown) => ($('#status').textContent = `chart: ${(e as Error).message}`),
    })
  }

  #draw(metric: string): void {
    const container = $('#chart')
    const paths = [...this.#points.keys()]
    container.dataset.points = String(paths.reduce((n, p) => n + this.#points.get(p)!.size, 0))
    if (paths.length === 0) {
      this.#reset(container, undefined)
      container.append(h('p', { class: 'hint' }, 'Select runs in the table to chart them.'))
      return
    }
    const plot = this.#groupBy ? this.#grouped(metric, paths) : this.#perRun(paths)
    if (this.#plot && plot.shape === this.#shape) {
      this.#plot.setData(plot.data)
      return
    }
    this.#reset(container, plot.shape)
    this.#plot = new uPlot(
      {
        width: Math.max(320, container.clientWidth || 640),
        height: 300,
        scales: { x: { time: false } },
        axes: [{ label: '_step' }, { label: metric }],
        series: [{ label: '_step' }, ...plot.series],
        bands: plot.bands,
        legend: { show: !this.#groupBy },
      },
      plot.data,
      container,
    )
    $('#chart-legend').replaceChildren(
      ...(plot.legend ?? []).map((entry) =>
        h(
          'li',
          { 'data-group': entry.label, 'data-runs': String(entry.runs) },
          h('span', { class: 'swatch', style: `background:${entry.color}` }),
          `${entry.label} `,
          h('small', {}, `${entry.runs} run${entry.runs === 1 ? '' : 's'}`),
        ),
      ),
    )
  }

  #reset(container: HTMLElement, shape: string | undefined): void {
    this.#plot?.destroy()
    this.#plot = undefined
    this.#shape = shape ?? ''
    container.replaceChildren()
    $('#chart-legend').replaceChildren()
  }

  /** One line per run, on the union of their steps. */
  #perRun(paths: readonly string[]): Plot {
    const steps = [...new Set(paths.flatMap((p) => [...this.#points.get(p)!.keys()]))].sort((a, b) => a - b)
    return {
      shape: JSON.stringify(['runs', paths]),
      data: [steps, ...paths.map((p) => steps.map((s) => this.#points.get(p)!.get(s) ?? null))],
      series: paths.map((p, i) => ({
        label: this.#runs.get(p)?.name ?? p,
        stroke: COLORS[i % COLORS.length]!,
        width: 1.5,
        spanGaps: true,
        points: { show: false },
      })),
      bands: [],
    }
  }

  /** One mean line and min–max band per group, from `groupCurves` over the points received. */
  #grouped(metric: string, paths: readonly string[]): Plot {
    const series = paths.flatMap((path) => {
      const run = this.#runs.get(path)
      const rows = [...this.#points.get(path)!].map(([step, value]) => ({ _step: step, [metric]: value }))
      return run ? [{ run, rows }] : []
    })
    const set = groupCurves(series, { key: metric, groupBy: this.#groupBy })
    const plot = groupedPlot(set, COLORS)
    const shape = JSON.stringify(['groups', this.#groupBy, plot.legend])
    return { shape, ...plot }
  }
}

/** What {@link ChartView} hands uPlot. */
interface Plot {
  readonly shape: string
  readonly data: uPlot.AlignedData
  readonly series: uPlot.Series[]
  readonly bands: uPlot.Band[]
  readonly legend?: GroupedPlot['legend']
}
