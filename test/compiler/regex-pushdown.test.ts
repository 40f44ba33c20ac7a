import { describe, expect, it } from 'vitest'
import { regexPushdown } from '../../src/compiler/regex-pushdown.js'

describe('regexPushdown: which JS regexes reach W&B as RE2', () => {
  const pushed: readonly RegExp[] = [
    /exp/,
    /exp-\d+/,
    /a|b/,
    /[a-c]x/,
    /[^a]b/,
    /\./,
    /(?:ab)+/,
    /x{2,5}/,
    /\w\W\b\B/,
    /\x41/,
    /a\/b/,
    /[$^]/,
  ]
  it.each(pushed.map((r) => [String(r), r] as const))('%s is pushed', (_s, regex) => {
    expect(regexPushdown(regex)).toEqual({ pattern: regex.source })
  })

  const refused: readonly (readonly [RegExp, string])[] = [
    [/^exp/, 'anchors'],
    [/exp$/, 'anchors'],
    [/a|^b/, 'anchors'],
    [/exp/i, 'flags (i)'],
    [/exp/m, 'flags (m)'],
    [/exp/u, 'flags (u)'],
    [/a(?=b)/, 'lookarounds'],
    [/a(?!b)/, 'lookarounds'],
    [/(?<n>a)/, 'lookarounds and named groups'],
    [/(a)\1/, 'backreferences'],
    [/a\sb/, '\\s means something else'],
    [/\A/, '\\A means something else'],
    [/\u0041/, '\\u means something else'],
    [/[]/, 'JS-only classes'],
    [/[^]/, 'JS-only classes'],
    [/a{1001}/, 'repeat counts'],
  ]
  it.each(refused.map(([r, why]) => [String(r), r, why] as const))('%s is refused', (_s, regex, why) => {
    const result = regexPushdown(regex)
    expect('reason' in result && result.reason).toContain(why)
  })
})
