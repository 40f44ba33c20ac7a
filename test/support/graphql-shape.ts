import {
  Kind,
  type ArgumentNode,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
  type ValueNode,
} from 'graphql'

/**
 * What a set of GraphQL documents asks of a schema, without the schema: per parent type, the
 * fields and their arguments (with the variable types passed to them), the input-object keys
 * written inline, and the input types named by variables. W&B's schema is not public, so both
 * the official clients' documents (scripts/official-graphql-fields.ts) and ours
 * (test/graphql-documents.test.ts) are reduced to this shape and compared.
 *
 * A field's type is known where a document says so (`fragment F on Run`, `... on Run`, genqlient's
 * comments in wandb-core). Elsewhere a field takes the one type its name has wherever it is known
 * (`entity` is `Entity`, `pageInfo` is `PageInfo`), and failing that it is named by its path,
 * `Project.runs`, in both sides alike.
 */
export interface GraphQLShape {
  /** Parent type → field → argument → variable types seen passed to it (`[]`: literals only). */
  readonly fields: Record<string, Record<string, Record<string, string[]>>>
  /** `Parent.field` → the field's type, where a document tells it. */
  readonly returns: Record<string, string>
  /** Field name → its type, for names that have one type wherever a document tells it. */
  readonly byName: Record<string, string>
  /** `Parent.field(arg)` (and `….key` below it) → keys written inline in an input object. */
  readonly inputKeys: Record<string, string[]>
  /** `Parent.field(arg)` (and `….key`) → input types of the variables passed there. */
  readonly inputRefs: Record<string, string[]>
  /** Input type → field → its type's name (wandb's generated input types). */
  readonly inputTypes: Record<string, Record<string, string>>
}

/** One use of a field, argument or input key found by {@link walkDocument}. */
export type ShapeSite =
  | { readonly kind: 'field'; readonly parent: string; readonly field: string }
  | {
      readonly kind: 'argument'
      readonly parent: string
      readonly field: string
      readonly argument: string
      /** The variable's declared type (`String!`), or undefined for a literal. */
      readonly type: string | undefined
    }
  | { readonly kind: 'input-key'; readonly at: string; readonly key: string }
  | { readonly kind: 'input-ref'; readonly at: string; readonly type: string }

/** `[String!]!` → `String`: the named type under lists and non-null marks. */
export const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type)

/** `[String!]!` → `[String]`: the type with its non-null marks dropped (how W&B names match). */
export const nullableForm = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE
    ? type.name.value
    : type.kind === Kind.LIST_TYPE
      ? `[${nullableForm(type.type)}]`
      : nullableForm(type.type)

const fragmentType = (
  selections: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
) => {
  const types = new Set<string>()
  for (const s of selections.selections) {
    if (s.kind === Kind.FIELD && s.name.value === '__typename') continue
    if (s.kind === Kind.FIELD) return undefined
    const type =
      s.kind === Kind.INLINE_FRAGMENT
        ? s.typeCondition?.name.value
        : fragments.get(s.name.value)?.typeCondition.name.value
    if (type === undefined) return undefined
    types.add(type)
  }
  return types.size === 1 ? [...types][0] : undefined
}

/** The field types {@link walkDocument} resolves parents with. */
export interface FieldTypes {
  readonly returns: Map<string, string>
  readonly byName: ReadonlyMap<string, string>
}

/**
 * Visits every field, argument and input key of a document's operations and fragments, each
 * with its parent type: `Query`/`Mutation` at the root, a fragment's type condition, else the
 * field's type from `types` (`learn` adds to `returns` when a selection is made only of
 * fragments on one type).
 */
export function walkDocument(
  doc: DocumentNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  { returns, byName }: FieldTypes,
  visit: (site: ShapeSite) => void,
  learn = false,
): void {
  const walkValue = (value: ValueNode, at: string, types: ReadonlyMap<string, TypeNode>) => {
    if (value.kind === Kind.OBJECT) {
      for (const f of value.fields) {
        visit({ kind: 'input-key', at, key: f.name.value })
        walkValue(f.value, `${at}.${f.name.value}`, types)
      }
    } else if (value.kind === Kind.LIST) {
      for (const v of value.values) walkValue(v, at, types)
    } else if (value.kind === Kind.VARIABLE) {
      const type = types.get(value.name.value)
      if (type) visit({ kind: 'input-ref', at, type: namedType(type) })
    }
  }
  const walkArgument = (
    parent: string,
    field: string,
    arg: ArgumentNode,
    types: ReadonlyMap<string, TypeNode>,
  ) => {
    const variable = arg.value.kind === Kind.VARIABLE ? types.get(arg.value.name.value) : undefined
    const type = variable && nullableForm(variable)
    visit({ kind: 'argument', parent, field, argument: arg.name.value, type })
    walkValue(arg.value, `${parent}.${field}(${arg.name.value})`, types)
  }
  const walk = (set: SelectionSetNode, parent: string, types: ReadonlyMap<string, TypeNode>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, s.typeCondition?.name.value ?? parent, types)
        continue
      }
      if (s.kind !== Kind.FIELD) continue
      const field = s.name.value
      if (field === '__typename') continue
      visit({ kind: 'field', parent, field })
      for (const arg of s.arguments ?? []) walkArgument(parent, field, arg, types)
      if (!s.selectionSet) continue
      const key = `${parent}.${field}`
      const learned = learn && !returns.has(key) ? fragmentType(s.selectionSet, fragments) : undefined
      if (learned) returns.set(key, learned)
      walk(s.selectionSet, returns.get(key) ?? byName.get(field) ?? key, types)
    }
  }
  for (const def of doc.definitions as readonly DefinitionNode[]) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) walk(def.selectionSet, def.typeCondition.name.value, new Map())
    if (def.kind !== Kind.OPERATION_DEFINITION) continue
    const types = new Map(
      (def.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.type] as const),
    )
    const root =
      def.operation === 'mutation' ? 'Mutation' : def.operation === 'query' ? 'Query' : 'Subscription'
    walk(def.selectionSet, root, types)
  }
}
