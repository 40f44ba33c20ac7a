import { Api, type Run } from 'wandb-rx'
import 'uplot/dist/uPlot.min.css'
import './style.css'
import { takeApiKey } from './auth.js'
import { ChartView } from './chart-view.js'
import { DetailsView } from './details-view.js'
import { $, h } from './dom.js'
import { groupPaths } from './group-paths.js'
import { historyKeys } from './history-keys.js'
import { RunsView } from './runs-view.js'

/** The dashboard: projects, a live runs table, a live chart and run details, from the public API only. */
async function main(): Promise<void> {
  const status = $('#status')
  const apiKey = takeApiKey(location, history, sessionStorage)
  if (!apiKey) {
    status.textContent = 'No API key: open the URL wandb-rx serve printed (it ends in #key=…).'
    return
  }
  const api = new Api({ baseUrl: location.origin, apiKey })
  const viewer = await api.viewer()
  $('#entity').textContent = viewer.entity

  const chart = new ChartView(api)
  const details = new DetailsView(api)
  const metric = $<HTMLSelectElement>('#metric')
  const groupBy = $<HTMLSelectElement>('#group-by')
  let shown: { runs: readonly Run[]; selected: ReadonlySet<string> } = { runs: [], selected: new Set() }
  const redrawChart = () =>
    chart.show(
      shown.runs.filter((r) => shown.selected.has(r.path)),
      metric.value,
      groupBy.value,
    )
  metric.addEventListener('change', redrawChart)
  groupBy.addEventListener('change', redrawChart)
  // The group-by choices follow the runs shown (config keys appear as runs are logged).
  let choices = ''
  const updateGroupChoices = (runs: readonly Run[]) => {
    const paths = groupPaths(runs)
    if (JSON.stringify(paths) === choices) return
    choices = JSON.stringify(paths)
    const previous = groupBy.value
    groupBy.replaceChildren(
      h('option', { value: '' }, 'none'),
      ...paths.map((p) => h('option', { value: p }, p)),
    )
    groupBy.value = paths.includes(previous) ? previous : ''
  }

  // The chart's metrics are the history keys of the project's first run, asked once per project.
  let metricsOf = ''
  const chooseMetrics = async (path: string) => {
    const keys = await historyKeys(api, path)
    const previous = metric.value
    metric.replaceChildren(...keys.map((k) => h('option', { value: k }, k)))
    // Keep the choice; else a loss (what people look at first), else the first key.
    const loss = keys.find((k) => k === 'loss') ?? keys.find((k) => k.endsWith('loss'))
    metric.value = keys.includes(previous) ? previous : (loss ?? keys[0] ?? '')
    redrawChart()
  }
  const runs = new RunsView(
    api,
    (all, selected) => {
      shown = { runs: all, selected }
      updateGroupChoices(all)
      const first = all[0]
      const project = first ? `${first.entity}/${first.project}` : ''
      if (first && project !== metricsOf) {
        metricsOf = project
        chooseMetrics(first.path).catch((e: unknown) => ($('#status').textContent = String(e)))
      }
      $('#chart-panel').hidden = false
      redrawChart()
    },
    (run) => details.show(run),
  )

  const list = $('#projects')
  for await (const project of api.projects(viewer.entity)) {
    const link = h('a', { href: `#`, 'data-project': project.name }, project.name)
    link.addEventListener('click', (event) => {
      event.preventDefault()
      for (const a of list.querySelectorAll('a')) a.classList.toggle('active', a === link)
      $('#project-title').textContent = project.path
      $('#runs-panel').hidden = false
      $('#details').hidden = true
      runs.show(project.path)
    })
    list.append(h('li', {}, link))
  }
  status.textContent = list.childElementCount === 0 ? 'No projects yet.' : ''
}

main().catch((error: unknown) => {
  $('#status').textContent = `error: ${(error as Error).message}`
  console.error(error)
})
