import { writeFileSync } from 'node:fs'
import { lastValueFrom, toArray } from 'rxjs'
import type { Api } from '../../src/index.js'
import { lineChartSvg, type PlotSeries } from '../../src/exports/index.js'

/**
 * Step 5 of the demo: the loss curves of every run as one SVG chart (sampled history: ~500
 * points per run is plenty for a picture). The failed run's NaN/null tail shows as a gap.
 */
export async function plotLoss(api: Api, project: string, file: string): Promise<number> {
  const runs = await api.runs(project).orderBy('+createdAt').toArray()
  const series: PlotSeries[] = await Promise.all(
    runs.map(async (run) => {
      const rows = await lastValueFrom(
        api
          .run(run)
          .history({ keys: ['loss'], samples: 500 })
          .pipe(toArray()),
      )
      const points = rows.map((row) => ({
        x: row._step,
        y: typeof row['loss'] === 'number' ? row['loss'] : NaN,
      }))
      return { label: `${run.id} (${run.state})`, points }
    }),
  )
  writeFileSync(file, lineChartSvg(series, { title: `loss — ${project}`, xLabel: 'step', yLabel: 'loss' }))
  return series.length
}
