import type { Subscription } from 'rxjs'
import type { Api, Run } from 'wandb-rx'
import { $, h } from './dom.js'

const json = (value: unknown) => h('pre', {}, JSON.stringify(value, null, 2))

/**
 * One run's details: config, summary, and its files with download links. The links are the
 * files' signed `directUrl`s, which carry their own authorization (the API key never goes
 * into a link).
 */
export class DetailsView {
  readonly #api: Api
  #files: Subscription | undefined

  constructor(api: Api) {
    this.#api = api
  }

  show(run: Run): void {
    const panel = $('#details')
    panel.hidden = false
    const files = h('ul', { class: 'files' })
    const close = h('button', { type: 'button' }, 'Close')
    close.addEventListener('click', () => (panel.hidden = true))
    panel.replaceChildren(
      h('h2', {}, `${run.name} `, h('span', { class: `badge state-${run.state}` }, run.state), ' ', close),
      h('p', { class: 'hint' }, `${run.path} · ${run.historyLineCount} history rows`),
      h(
        'div',
        { class: 'columns' },
        h('div', {}, h('h3', {}, 'Config'), json(run.config)),
        h('div', {}, h('h3', {}, 'Summary'), json(run.summary)),
      ),
      h('h3', {}, 'Files'),
      files,
    )
    this.#files?.unsubscribe()
    this.#files = this.#api
      .run(run.path)
      .files()
      .subscribe({
        next: (file) => {
          const name = file.directUrl
            ? h('a', { href: file.directUrl, download: file.name }, file.name)
            : file.name
          files.append(h('li', {}, name, ` (${file.sizeBytes} bytes)`))
        },
        complete: () => {
          if (files.childElementCount === 0) files.append(h('li', { class: 'hint' }, 'no files'))
        },
        error: (e: unknown) => files.append(h('li', { class: 'error' }, String((e as Error).message))),
      })
  }
}
