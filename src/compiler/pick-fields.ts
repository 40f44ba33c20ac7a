/**
 * The part of a run an aggregation reads: only the top-level `fields` (see `pipelineReads`), or
 * the whole run when `fields` is null. Cuts what a query holds while it collects runs.
 *
 * @example
 * ```ts
 * pickFields(run, ['summary']) // { summary: run.summary }
 * pickFields(run, null)        // run
 * ```
 * @internal
 */
export function pickFields(run: object, fields: readonly string[] | null): object {
  if (fields === null) return run
  const picked: Record<string, unknown> = {}
  for (const field of fields)
    if (Object.hasOwn(run, field)) picked[field] = (run as Record<string, unknown>)[field]
  return picked
}
