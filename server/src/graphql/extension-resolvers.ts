import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql'
import {
  artifactEntityFields,
  artifactFileFields,
  artifactProjectFields,
  artifactQueryFields,
  artifactRunFields,
} from './artifacts/artifact-fields.js'
import { createArtifactManifest, updateArtifactManifest } from './artifacts/artifact-manifest-mutations.js'
import { commitArtifact } from './artifacts/commit-artifact.js'
import { createArtifact } from './artifacts/create-artifact.js'
import { createArtifactFiles } from './artifacts/create-artifact-files.js'
import { linkArtifact } from './artifacts/link-artifact.js'
import { useArtifact } from './artifacts/use-artifact.js'
import { parquetRunFields } from '../export/parquet-history-field.js'
import type { GraphqlContext } from './context.js'
import { teamEntityFields, teamQueryFields, teamUserFields } from './teams/team-fields.js'
import { teamMutationFields } from './teams/team-mutations.js'
import { viewMutationFields, viewProjectFields, viewQueryFields } from './views/view-fields.js'

type Resolver = (source: any, args: any, ctx: GraphqlContext, info: any) => unknown

/**
 * Resolvers of the fields that schema extensions (`extend type ...` in `artifacts-sdl.ts`,
 * `teams-sdl.ts`) add, by parent type. They see the core node objects as parents and recover
 * rows through their public fields (`parent-rows.ts`), so no core node class had to change.
 * A field listed here wins over the parent's own property (e.g. `Entity.projects` with filters).
 */
export const EXTENSION_RESOLVERS: Readonly<Record<string, Readonly<Record<string, Resolver>>>> = {
  Query: { ...artifactQueryFields, ...teamQueryFields, ...viewQueryFields },
  Mutation: {
    createArtifact,
    createArtifactManifest,
    updateArtifactManifest,
    createArtifactFiles,
    commitArtifact,
    useArtifact,
    linkArtifact,
    ...teamMutationFields,
    ...viewMutationFields,
  },
  Project: { ...artifactProjectFields, ...viewProjectFields },
  Run: { ...artifactRunFields, ...parquetRunFields },
  Entity: { ...artifactEntityFields, ...teamEntityFields },
  User: teamUserFields,
  File: artifactFileFields,
}

/**
 * The field resolver given to `execute`: an extension resolver when one is registered for the
 * parent type and field, else graphql-js's default (property or method of the parent).
 *
 * @example
 * execute({ schema, document, rootValue, contextValue, fieldResolver: resolveField })
 */
export const resolveField: GraphQLFieldResolver<unknown, GraphqlContext> = (source, args, ctx, info) => {
  const own = EXTENSION_RESOLVERS[info.parentType.name]?.[info.fieldName]
  return own ? own(source, args, ctx, info) : defaultFieldResolver(source, args, ctx, info)
}
