import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logArtifact, type RunningServer } from '../src/index.js'
import { gql, gqlOk, withServer } from './helpers.js'

/** The documents wandb 0.30 sends for `Artifact.save()` / `.delete()` and collection edits. */
const VERSION = `query($name: String!) { project(name: "p", entityName: "local") {
  artifact(name: $name) { id state description metadata ttlDurationSeconds ttlIsInherited
    tags { name } aliases { alias } artifactSequence { id name description tags { edges { node { name } } } } } } }`
const UPDATE = `mutation($input: UpdateArtifactInput!) { updateArtifact(input: $input) {
  artifact { id description metadata tags { name } aliases { alias } } } }`
const ADD = `mutation($input: AddAliasesInput!) { addAliases(input: $input) { success } }`
const DELETE_ALIASES = `mutation($input: DeleteAliasesInput!) { deleteAliases(input: $input) { success } }`
const DELETE = `mutation($input: DeleteArtifactInput!) { deleteArtifact(input: $input) { artifact { id state } } }`
const SEQUENCE = `mutation($input: UpdateArtifactSequenceInput!) { updateArtifactSequence(input: $input) {
  artifactCollection { __typename name description } } }`
const ADD_TAGS = `mutation($input: CreateArtifactCollectionTagAssignmentsInput!) {
  createArtifactCollectionTagAssignments(input: $input) { tags { name } } }`
const DELETE_TAGS = `mutation($input: DeleteArtifactCollectionTagAssignmentsInput!) {
  deleteArtifactCollectionTagAssignments(input: $input) { success } }`
const LINK = `mutation($id: ID!) { linkArtifact(input: {artifactID: $id, artifactPortfolioName: "shelf",
  entityName: "local", projectName: "p"}) { artifactCollectionID } }`
const UNLINK = `mutation($input: UnlinkArtifactInput!) { unlinkArtifact(input: $input) { success } }`

const target = (alias: string, collection = 'data') => ({
  alias,
  artifactCollectionName: collection,
  entityName: 'local',
  projectName: 'p',
})

describe('artifact edits (save, aliases, delete, collections)', () => {
  let srv: RunningServer
  let bob: { apiKey: string }
  let v0: string
  let v1: string
  const version = async (name: string, key?: string) =>
    (await gqlOk(srv, VERSION, { name }, key)).project?.artifact
  const aliasesOf = async (name: string) =>
    ((await version(name)).aliases as { alias: string }[]).map((a) => a.alias).sort()

  beforeAll(async () => {
    srv = await withServer()
    bob = srv.createUser({ username: 'bob' })
    const log = (content: string, aliases: string[]) =>
      logArtifact(srv, {
        entity: 'local',
        project: 'p',
        type: 'dataset',
        name: 'data',
        files: { 'a.txt': content },
        aliases,
      })
    v0 = (await log('zero', ['best'])).id
    v1 = (await log('one', [])).id
    // USER_READ: bob may read the project, but not write it.
    await gqlOk(
      srv,
      'mutation { upsertModel(input: {name: "p", entityName: "local", access: "USER_READ"}) { inserted } }',
    )
  })
  afterAll(() => srv.close())

  it('updateArtifact sets description, metadata, TTL and tags; refuses metadata that is not a JSON object', async () => {
    const { updateArtifact } = await gqlOk(srv, UPDATE, {
      input: {
        artifactID: v0,
        description: 'edited',
        metadata: '{"k": NaN, "n": 1}',
        ttlDurationSeconds: 3600,
        tagsToAdd: [{ tagName: 't1' }, { tagName: 't2' }],
      },
    })
    expect(updateArtifact.artifact).toMatchObject({
      description: 'edited',
      tags: [{ name: 't1' }, { name: 't2' }],
    })
    expect(updateArtifact.artifact.metadata).toBe('{"k": NaN, "n": 1}')
    await gqlOk(srv, UPDATE, {
      input: { artifactID: v0, tagsToDelete: [{ tagName: 't1' }], ttlDurationSeconds: -1 },
    })
    const after = await version('data:v0')
    expect(after).toMatchObject({ description: 'edited', tags: [{ name: 't2' }], ttlIsInherited: true })
    const bad = await gql(srv, UPDATE, { input: { artifactID: v0, metadata: '[1, 2]' } })
    expect(bad.errors?.[0]?.message).toBe('metadata must be a JSON object')
  })

  it('addAliases moves an alias off the version holding it; deleteAliases removes it; version names are refused', async () => {
    expect(await aliasesOf('data:v0')).toEqual(['best'])
    await gqlOk(srv, ADD, { input: { artifactID: v1, aliases: [target('best'), target('prod')] } })
    expect(await aliasesOf('data:v0')).toEqual([])
    expect(await aliasesOf('data:v1')).toEqual(['best', 'latest', 'prod'])
    await gqlOk(srv, DELETE_ALIASES, { input: { artifactID: v1, aliases: [target('prod')] } })
    expect(await aliasesOf('data:v1')).toEqual(['best', 'latest'])
    const reserved = await gql(srv, ADD, { input: { artifactID: v1, aliases: [target('v7')] } })
    expect(reserved.errors?.[0]?.message).toMatch(/reserved/)
    const elsewhere = await gql(srv, ADD, { input: { artifactID: v1, aliases: [target('x', 'other')] } })
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })

  it('lets readers read but not edit: PERMISSION_ERROR for every edit by a non-member', async () => {
    expect((await version('data:v1', bob.apiKey)).id).toBe(v1)
    const sequence = (await version('data:v1')).artifactSequence.id
    const attempts = [
      gql(srv, UPDATE, { input: { artifactID: v1, description: 'mine' } }, bob.apiKey),
      gql(srv, ADD, { input: { artifactID: v1, aliases: [target('mine')] } }, bob.apiKey),
      gql(srv, DELETE, { input: { artifactID: v1, deleteAliases: true } }, bob.apiKey),
      gql(srv, SEQUENCE, { input: { artifactSequenceID: sequence, description: 'mine' } }, bob.apiKey),
      gql(
        srv,
        ADD_TAGS,
        {
          input: {
            entityName: 'local',
            projectName: 'p',
            artifactCollectionName: 'data',
            tags: [{ tagName: 'mine' }],
          },
        },
        bob.apiKey,
      ),
    ]
    for (const res of await Promise.all(attempts))
      expect(res.errors?.[0]?.extensions?.code).toBe('PERMISSION_ERROR')
    expect(await version('data:v1')).toMatchObject({ description: null })
  })

  it('updateArtifactSequence renames and describes; collection tags are added and removed', async () => {
    const sequence = (await version('data:v1')).artifactSequence.id
    const { updateArtifactSequence } = await gqlOk(srv, SEQUENCE, {
      input: { artifactSequenceID: sequence, name: 'data', description: 'the data' },
    })
    expect(updateArtifactSequence.artifactCollection).toEqual({
      __typename: 'ArtifactSequence',
      name: 'data',
      description: 'the data',
    })
    const tags = { entityName: 'local', projectName: 'p', artifactCollectionName: 'data' }
    const added = await gqlOk(srv, ADD_TAGS, {
      input: { ...tags, tags: [{ tagName: 'a' }, { tagName: 'b' }] },
    })
    expect(added.createArtifactCollectionTagAssignments.tags).toEqual([{ name: 'a' }, { name: 'b' }])
    await gqlOk(srv, DELETE_TAGS, { input: { ...tags, tags: [{ tagName: 'a' }] } })
    expect((await version('data:v1')).artifactSequence.tags.edges).toEqual([{ node: { name: 'b' } }])
  })

  it('unlinkArtifact takes a version out of a portfolio and leaves the source version', async () => {
    const { linkArtifact } = await gqlOk(srv, LINK, { id: v1 })
    expect((await version('shelf:v0')).id).toBe(v1)
    await gqlOk(srv, UNLINK, {
      input: { artifactID: v1, artifactPortfolioID: linkArtifact.artifactCollectionID },
    })
    expect(await version('shelf:v0')).toBeNull()
    expect((await version('data:v1')).id).toBe(v1)
  })

  it('deleteArtifact refuses a version with aliases unless deleteAliases; latest moves to the newest left', async () => {
    const refused = await gql(srv, DELETE, { input: { artifactID: v1 } })
    expect(refused.errors?.[0]?.message).toMatch(/cannot delete an artifact that has aliases \(best\)/)
    const { deleteArtifact } = await gqlOk(srv, DELETE, { input: { artifactID: v1, deleteAliases: true } })
    expect(deleteArtifact.artifact).toEqual({ id: v1, state: 'DELETED' })
    expect(await version('data:v1')).toBeNull()
    expect((await version('data:latest')).id).toBe(v0)
    const byId = await gqlOk(srv, 'query($id: ID!) { artifact(id: $id) { state } }', { id: v1 })
    expect(byId.artifact.state).toBe('DELETED')
  })
})
