/**
 * A path into a {@link Run}, as segments: `['summary', 'loss']` for `'summary.loss'`.
 *
 * A string path splits on every `.`, exactly like MongoDB and mingo, so `'config.opt.lr'` means the
 * nested `config.opt.lr`. A config or summary key that itself contains a dot (`xprun.name`, common
 * with Hydra) is one segment, written with the array form `f.config(['xprun.name'])`.
 *
 * @example
 * ```ts
 * FieldPathNode.create(['config', 'xprun.name']).segments // ['config', 'xprun.name']
 * FieldPathNode.toString(FieldPathNode.create(['config', 'xprun.name'])) // 'config["xprun.name"]'
 * ```
 */
export interface FieldPathNode {
  readonly kind: 'fieldPath'
  readonly segments: readonly string[]
}

export const FieldPathNode = Object.freeze({
  create(segments: readonly string[]): FieldPathNode {
    return Object.freeze({ kind: 'fieldPath', segments: Object.freeze([...segments]) })
  },
  is(value: unknown): value is FieldPathNode {
    return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'fieldPath'
  },
  /** The Run field the path starts at: `'summary'` for `summary.loss`. */
  root(path: FieldPathNode): string {
    return path.segments[0] ?? ''
  },
  /** True when some segment holds a literal dot, so the path cannot be written as a dotted string. */
  hasLiteralDots(path: FieldPathNode): boolean {
    return path.segments.some((segment) => segment.includes('.'))
  },
  /** The path as users read it: dotted, with literal-dot segments in `["…"]`. */
  toString(path: FieldPathNode): string {
    return path.segments
      .map((segment, i) =>
        segment.includes('.') ? `[${JSON.stringify(segment)}]` : i === 0 ? segment : `.${segment}`,
      )
      .join('')
  },
})
