import type { Subscription } from 'rxjs'
import uPlot from 'uplot'
import type { Api, Run } from 'wandb-rx'
import { $, h } from './dom.js'

const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7']

/**
 * A line chart (uPlot) of one metric for the selected runs. `watchMany` replays each run's
 * history and then extends it while the runs are running, in one batched request per poll.
 * The container's `data-points` attribute counts the points drawn.
 */
export class ChartView {
  readonly #api: Api
  readonly #points = new Map<string, Map<number, number>>()
  #labels = new Map<string, string>()
  #watch: Subscription | undefined
  #key = ''
  #plot: uPlot | undefined
  #frame = 0

  constructor(api: Api) {
    this.#api = api
  }

  /** Shows `metric` for `runs` (in table order); resubscribes only when the choice changed. */
  show(runs: readonly Run[], metric: string): void {
    const paths = runs.map((r) => r.path)
    this.#labels = new Map(runs.map((r) => [r.path, r.name]))
    const key = JSON.stringify([metric, paths])
    if (key === this.#key) return
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
    const steps = [...new Set(paths.flatMap((p) => [...this.#points.get(p)!.keys()]))].sort((a, b) => a - b)
    const data: uPlot.AlignedData = [
      steps,
      ...paths.map((p) => steps.map((s) => this.#points.get(p)!.get(s) ?? null)),
    ]
    const count = paths.reduce((n, p) => n + this.#points.get(p)!.size, 0)
    container.dataset.points = String(count)
    if (this.#plot && this.#plot.series.length === paths.length + 1) {
      this.#plot.setData(data)
      return
    }
    this.#plot?.destroy()
    container.replaceChildren()
    if (paths.length === 0) {
      container.append(h('p', { class: 'hint' }, 'Select runs in the table to chart them.'))
      this.#plot = undefined
      return
    }
    this.#plot = new uPlot(
      {
        width: Math.max(320, container.clientWidth || 640),
        height: 300,
        scales: { x: { time: false } },
        axes: [{ label: '_step' }, { label: metric }],
        series: [
          { label: '_step' },
          ...paths.map((p, i) => ({
            label: this.#labels.get(p) ?? p,
            stroke: COLORS[i % COLORS.length]!,
            width: 1.5,
            spanGaps: true,
            points: { show: false },
          })),
        ],
      },
      data,
      container,
    )
  }
}
