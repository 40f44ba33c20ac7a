import { UsageError } from './usage-error.js'

/** The part of `@resvg/resvg-js` used here. */
interface ResvgModule {
  readonly Resvg: new (
    svg: string,
    options: { readonly font: { readonly loadSystemFonts: boolean; readonly defaultFontFamily: string } },
  ) => { render(): { asPng(): Buffer } }
}

/**
 * Renders an SVG document to PNG bytes with resvg (`@resvg/resvg-js`, an optional dependency
 * that ships a prebuilt binary per platform). Loaded on first use, so commands that never write
 * PNG never load it; when it is missing, a {@link UsageError} says how to install it.
 *
 * @example
 * ```ts
 * writeFileSync('chart.png', await svgToPng(lineChartSvg(series)))
 * ```
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  let resvg: ResvgModule
  try {
    resvg = (await import('@resvg/resvg-js')) as unknown as ResvgModule
  } catch (error) {
    throw new UsageError(
      `PNG output needs the optional package @resvg/resvg-js (npm install @resvg/resvg-js), or use --out chart.svg: ${(error as Error).message}`,
    )
  }
  // System fonts for the labels; the chart asks for "sans-serif", which resvg maps to this family.
  const renderer = new resvg.Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
  return renderer.render().asPng()
}
