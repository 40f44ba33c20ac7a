import * as t from 'io-ts'
import { DateFromIsoString } from './date-from-iso-string.js'
import { nullable } from './nullable.js'
import { PageInfo } from './page-info-codec.js'

/** The project selection (PROTOCOL §8 `api/projects.graphql`, plus description and readOnly). */
export const PROJECT_FIELDS = 'id internalId name entityName description createdAt isBenchmark readOnly'

/** A project node as W&B sends it (`project`, `models` edges, `upsertModel.project`). */
export const ProjectNode = t.intersection([
  t.type({ id: t.string, name: t.string }),
  t.partial({
    internalId: nullable(t.union([t.string, t.number])),
    entityName: nullable(t.string),
    description: nullable(t.string),
    createdAt: nullable(DateFromIsoString),
    isBenchmark: nullable(t.boolean),
    readOnly: nullable(t.boolean),
    runCount: nullable(t.number),
  }),
])
export type ProjectNode = t.TypeOf<typeof ProjectNode>

/** `project(name, entityName) { … runCount }`; null: not found (or not readable). */
export const ProjectResponse = t.type({ project: nullable(ProjectNode) })
export type ProjectResponse = t.TypeOf<typeof ProjectResponse>

/** One page of `models(entityName, after, first)`; it has no total (W&B's `len()` is unsupported). */
export const ProjectsPageResponse = t.type({
  models: nullable(t.type({ edges: t.array(t.type({ node: nullable(ProjectNode) })), pageInfo: PageInfo })),
})
export type ProjectsPageResponse = t.TypeOf<typeof ProjectsPageResponse>

/** The `upsertModel` payload. */
export const UpsertModelResponse = t.type({
  upsertModel: nullable(
    t.intersection([
      t.type({ project: nullable(ProjectNode) }),
      t.partial({ inserted: nullable(t.boolean) }),
    ]),
  ),
})
export type UpsertModelResponse = t.TypeOf<typeof UpsertModelResponse>
