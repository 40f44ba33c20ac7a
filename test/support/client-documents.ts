import ts from 'typescript'

/** Where a GraphQL document starts in our source: a literal opening with an operation or fragment. */
const DOCUMENT_START = /^\s*(query|mutation|fragment)\s+(\w+)\s*(?:[({o]|$)/

/** A document literal in `src/`: every text it can have, or none when it could not be folded. */
export interface DocumentSite {
  /** `src/api/teams.ts#CreateTeam` (the name is the operation's or fragment's, as written). */
  readonly key: string
  /** Every document the literal can become; empty when a part is computed at run time. */
  readonly texts: readonly string[]
}

const MAX_VARIANTS = 64

class Dynamic extends Error {}

/**
 * Finds every GraphQL document literal in a TypeScript project and folds it to its possible
 * texts without running it: string constants (also imported ones), `+` and templates, both arms
 * of `?:`, every property of a const object read by `OBJ[key]`, calls of arrow functions with an
 * expression body (arguments bound), and an unbound parameter's literal-union type or else the
 * arguments at every call site of its function. Anything else (`.map`, `.join`)
 * makes the site dynamic; the caller must build those documents itself.
 */
export function clientDocuments(tsconfig: string): DocumentSite[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )
  if (!config) throw new Error(`cannot read ${tsconfig}`)
  const program = ts.createProgram(config.fileNames, config.options)
  const checker = program.getTypeChecker()
  const sources = program
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && config.fileNames.includes(f.fileName))
  const calls: ts.CallExpression[] = []
  const literals: ts.Node[] = []
  const collect = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) calls.push(node)
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node)
    ) {
      const start = ts.isTemplateExpression(node) ? node.head.text : node.text
      if (DOCUMENT_START.test(start)) literals.push(node)
    }
    ts.forEachChild(node, collect)
  }
  sources.forEach(collect)

  const declarationOf = (node: ts.Node): ts.Declaration | undefined => {
    let symbol = checker.getSymbolAtLocation(node)
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0]
  }
  const product = (parts: string[][]): string[] => {
    const out = parts.reduce<string[]>((acc, alts) => acc.flatMap((a) => alts.map((b) => a + b)), [''])
    if (out.length > MAX_VARIANTS) throw new Dynamic()
    return out
  }
  const fromParameter = (param: ts.ParameterDeclaration, seen: Set<ts.Node>): string[] => {
    const type = checker.getTypeAtLocation(param)
    const members = type.isUnion() ? type.types : [type]
    if (members.every((m) => m.isStringLiteral()))
      return members.map((m) => (m as ts.StringLiteralType).value)
    const fn = param.parent
    const index = fn.parameters.indexOf(param)
    const name = ts.isFunctionDeclaration(fn)
      ? fn.name
      : ts.isVariableDeclaration(fn.parent)
        ? fn.parent.name
        : undefined
    if (!name) throw new Dynamic()
    const target = declarationOf(name)
    const args = calls.filter((c) => declarationOf(c.expression) === target).map((c) => c.arguments[index])
    if (args.length === 0 || args.some((a) => a === undefined)) throw new Dynamic()
    return [...new Set(args.flatMap((a) => fold(a!, seen)))]
  }
  const bound = new Map<ts.Node, string[]>()
  const fold = (node: ts.Node, seen: Set<ts.Node>): string[] => {
    if (seen.has(node)) throw new Dynamic()
    const inner = new Set(seen).add(node)
    if (ts.isCallExpression(node)) {
      const callee = declarationOf(node.expression)
      const fn = callee && ts.isVariableDeclaration(callee) ? callee.initializer : undefined
      if (!fn || !ts.isArrowFunction(fn) || ts.isBlock(fn.body)) throw new Dynamic()
      fn.parameters.forEach((p, i) => bound.set(p, fold(node.arguments[i] ?? p, inner)))
      try {
        return fold(fn.body, inner)
      } finally {
        fn.parameters.forEach((p) => bound.delete(p))
      }
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text]
    if (ts.isTemplateExpression(node)) {
      return product([
        [node.head.text],
        ...node.templateSpans.flatMap((s) => [fold(s.expression, inner), [s.literal.text]]),
      ])
    }
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return fold(node.expression, inner)
    if (ts.isConditionalExpression(node))
      return [...fold(node.whenTrue, inner), ...fold(node.whenFalse, inner)]
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return product([fold(node.left, inner), fold(node.right, inner)])
    }
    if (ts.isElementAccessExpression(node)) {
      const object = declarationOf(node.expression)
      const init = object && ts.isVariableDeclaration(object) ? object.initializer : undefined
      const literal = init && ts.isAsExpression(init) ? init.expression : init
      if (!literal || !ts.isObjectLiteralExpression(literal)) throw new Dynamic()
      return literal.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? fold(p.initializer, inner) : []))
    }
    if (ts.isIdentifier(node)) {
      const decl = declarationOf(node)
      if (decl && ts.isParameter(decl)) return bound.get(decl) ?? fromParameter(decl, inner)
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return fold(decl.initializer, inner)
    }
    throw new Dynamic()
  }

  return literals.map((node) => {
    const source = node.getSourceFile()
    const start = ts.isTemplateExpression(node) ? node.head.text : (node as ts.StringLiteral).text
    const key = `${source.fileName.slice(source.fileName.lastIndexOf('/src/') + 1)}#${DOCUMENT_START.exec(start)![2]}`
    try {
      return { key, texts: fold(node, new Set()) }
    } catch (error) {
      if (error instanceof Dynamic) return { key, texts: [] }
      throw error
    }
  })
}
