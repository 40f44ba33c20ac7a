import { lastValueFrom, toArray } from 'rxjs'
import type { Api, HistoryRow } from 'wandb-rx'

/** The numeric leaves of a row as dotted paths (`{ train: { loss } }` → `train.loss`). */
function numericPaths(row: Readonly<Record<string, unknown>>, prefix = ''): string[] {
  return Object.entries(row).flatMap(([key, value]) => {
    if (key.startsWith('_')) return []
    const path = prefix + key
    if (typeof value === 'number') return [path]
    if (value && typeof value === 'object' && !Array.isArray(value))
      return numericPaths(value as Record<string, unknown>, `${path}.`)
    return []
  })
}

/**
 * The metrics a run logged to its history (what a chart can show), from a 20-row sample:
 * summary-only keys such as `best_val_acc` are not among them.
 */
export async function historyKeys(api: Api, path: string): Promise<string[]> {
  const rows: HistoryRow[] = await lastValueFrom(api.run(path).history({ samples: 20 }).pipe(toArray()))
  return [...new Set(rows.flatMap((row) => numericPaths(row)))].sort()
}
