const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes text for SVG/XML content and attribute values (run names are user input).
 *
 * @example
 * ```ts
 * svgEscape('a<b & "c"') // 'a&lt;b &amp; &quot;c&quot;'
 * ```
 */
export const svgEscape = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
