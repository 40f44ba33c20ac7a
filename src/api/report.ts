import type { ReportNode } from '../codecs/report-codec.js'

/** Who wrote a report. */
export interface ReportUser {
  readonly username: string | null
  readonly email: string | null
  readonly photoUrl: string | null
}

/**
 * A W&B report as plain frozen data: its `spec` parsed from JSON (`spec.panelGroups` holds the
 * sections, also exposed as `sections`), and its app URL.
 *
 * @example
 * ```ts
 * const [report] = await api.reports('team/mnist', { name: 'baseline-study' }).toArray()
 * report.title    // 'Baseline Study'
 * report.url      // 'https://wandb.ai/team/mnist/reports/Baseline-Study--VmlldzoxMjM'
 * report.sections // [{ name: 'Loss curves', … }]
 * ```
 */
export interface Report {
  /** The opaque GraphQL id. */
  readonly id: string
  /** The report's slug (W&B's view `name`). */
  readonly name: string
  /** The title shown in the app (W&B's `displayName`; Python `report.display_name`). */
  readonly title: string
  readonly description: string | null
  readonly user: ReportUser | null
  readonly spec: Readonly<Record<string, unknown>>
  /** `spec.panelGroups`, the report's sections (Python `report.sections`). */
  readonly sections: readonly unknown[]
  readonly createdAt: Date | null
  readonly updatedAt: Date | null
  readonly entity: string
  readonly project: string
  /** `app_url/e/p/reports/<Title-with-dashes>--<id without '='>`, as the Python SDK builds it. */
  readonly url: string
}

/**
 * Builds a {@link Report} from a decoded node.
 *
 * @example
 * ```ts
 * reportUrl('https://wandb.ai', 'team', 'mnist', 'Baseline Study', 'VmlldzoxMjM=')
 * // 'https://wandb.ai/team/mnist/reports/Baseline-Study--VmlldzoxMjM'
 * ```
 */
export function toReport(
  node: ReportNode,
  where: { entity: string; project: string; appUrl: string },
): Report {
  const title = node.displayName ?? node.name ?? ''
  const spec = deepFreeze(node.spec ?? {})
  const panelGroups = spec['panelGroups']
  return Object.freeze({
    id: node.id,
    name: node.name ?? '',
    title,
    description: node.description ?? null,
    user: node.user
      ? Object.freeze({
          username: node.user.username ?? null,
          email: node.user.email ?? null,
          photoUrl: node.user.photoUrl ?? null,
        })
      : null,
    spec,
    sections: Array.isArray(panelGroups) ? panelGroups : [],
    createdAt: node.createdAt ?? null,
    updatedAt: node.updatedAt ?? null,
    entity: where.entity,
    project: where.project,
    url: reportUrl(where.appUrl, where.entity, where.project, title, node.id),
  })
}

/** The app URL of a report: spaces in the title become dashes, `=` padding leaves the id. */
export function reportUrl(
  appUrl: string,
  entity: string,
  project: string,
  title: string,
  id: string,
): string {
  const slug = `${encodeURIComponent(title.replace(/ /g, '-'))}--${id.replace(/=/g, '')}`
  return `${appUrl}/${encodeURIComponent(entity)}/${encodeURIComponent(project)}/reports/${slug}`
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
