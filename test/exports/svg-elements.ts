/** One element of an SVG document: its tag, attributes and text content (tags inside removed). */
export interface SvgElement {
  readonly tag: string
  readonly attrs: Readonly<Record<string, string>>
  readonly text: string
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? e)

/**
 * The elements named `tag` in an SVG string our chart writer produced (flat, attribute values
 * in double quotes): enough structure for tests to check paths and legends.
 */
export function svgElements(svg: string, tag: string): SvgElement[] {
  const pattern = new RegExp(`<${tag}((?:\\s+[\\w:-]+="[^"]*")*)\\s*(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g')
  return [...svg.matchAll(pattern)].map((match) => ({
    tag,
    attrs: Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], unescape(a[2] ?? '')]),
    ),
    text: unescape((match[2] ?? '').replace(/<[^>]+>/g, '')),
  }))
}

/** The points of a path's `d` attribute (`M`/`L` commands), in order. */
export function pathPoints(d: string): { x: number; y: number }[] {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))
}
