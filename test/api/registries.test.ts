import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logArtifact, startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { FilterCompileError } from '../../src/errors/filter-compile-error.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { WandbError } from '../../src/errors/wandb-error.js'
import { writerGraphql } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let carol: { apiKey: string }
let multi: { apiKey: string }
const retry = { minDelayMs: 5, maxDelayMs: 20 }
const api = (apiKey = srv.apiKey) => new Api({ baseUrl: srv.url, apiKey, retry })

/** Creates a registry the way the SDK does: `upsertModel` of a prefixed project in the org entity. */
async function createRegistry(name: string, description: string) {
  await writerGraphql(
    srv,
    `mutation UpsertRegistryProject($name: String, $entityName: String, $description: String) {
      upsertModel(input: {name: $name, entityName: $entityName, description: $description, access: "PRIVATE"}) {
        project { id } inserted } }`,
    { name: `wandb-registry-${name}`, entityName: 'acme-org', description },
  )
}

/** Links a logged version into a registry collection (`linkArtifact`, as `run.link_artifact` does). */
async function link(artifactId: string, registry: string, collection: string, aliases: string[] = []) {
  await writerGraphql(
    srv,
    `mutation LinkArtifact($input: LinkArtifactInput!) { linkArtifact(input: $input) { versionIndex } }`,
    {
      input: {
        artifactID: artifactId,
        artifactPortfolioName: collection,
        entityName: 'acme-org',
        projectName: `wandb-registry-${registry}`,
        aliases: aliases.map((alias) => ({ artifactCollectionName: collection, alias })),
      },
    },
  )
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  carol = srv.createUser({ username: 'carol' })
  multi = srv.createUser({ username: 'multi' })
  srv.createOrganization({ name: 'acme', entity: 'acme-org', members: ['local', 'multi'] })
  srv.createOrganization({ name: 'other', members: ['multi'] })
  await createRegistry('model', 'trained models')
  await createRegistry('dataset', 'curated data')
  await createRegistry('big-model', 'large ones')
  const cnn0 = await logArtifact(srv, {
    entity: srv.entity,
    project: 'mnist',
    type: 'model',
    name: 'cnn',
    files: { 'model.bin': 'w0' },
    metadata: { acc: 0.91 },
  })
  const cnn1 = await logArtifact(srv, {
    entity: srv.entity,
    project: 'mnist',
    type: 'model',
    name: 'cnn',
    files: { 'model.bin': 'w1' },
    metadata: { acc: 0.97 },
    tags: ['prod'],
  })
  const digits = await logArtifact(srv, {
    entity: srv.entity,
    project: 'mnist',
    type: 'dataset',
    name: 'digits',
    files: { 'train.csv': 'x\n1\n' },
  })
  await link(cnn0.id, 'model', 'mnist-cnn')
  await link(cnn1.id, 'model', 'mnist-cnn', ['production'])
  await link(cnn1.id, 'big-model', 'giant', ['best'])
  await link(digits.id, 'dataset', 'mnist-digits', ['best'])
})
afterAll(() => srv.close())

const names = (items: readonly { name: string }[]) => items.map((i) => i.name).sort()

describe('api.registries', () => {
  it("lists the default entity's organization registries, without the prefix", async () => {
    const all = await api().registries().toArray()
    expect(names(all)).toEqual(['big-model', 'dataset', 'model'])
    expect(all.find((r) => r.name === 'model')).toMatchObject({
      fullName: 'wandb-registry-model',
      entity: 'acme-org',
      organization: 'acme',
      description: 'trained models',
      visibility: 'organization',
    })
  })

  it('filters by name with the wandb-registry- prefix rule, except under $regex', async () => {
    expect(
      names(
        await api()
          .registries({ filter: { name: 'model' } })
          .toArray(),
      ),
    ).toEqual(['model'])
    expect(
      names(
        await api()
          .registries({ filter: { name: { $in: ['model', 'dataset'] } } })
          .toArray(),
      ),
    ).toEqual(['dataset', 'model'])
    // $regex operands are not prefixed: they match anywhere in the full name.
    expect(
      names(
        await api()
          .registries({ filter: { name: { $regex: 'model' } } })
          .toArray(),
      ),
    ).toEqual(['big-model', 'model'])
    expect(
      await api()
        .registries({ filter: { name: { $regex: '^model' } } })
        .toArray(),
    ).toEqual([])
    expect(
      names(
        await api()
          .registries({ filter: { name: { $regex: '^wandb-registry-model$' } } })
          .toArray(),
      ),
    ).toEqual(['model'])
    const described = await api()
      .registries({ filter: { $or: [{ description: { $regex: 'data' } }, { name: 'big-model' }] } })
      .toArray()
    expect(names(described)).toEqual(['big-model', 'dataset'])
  })

  it('searches collections and versions of one registry', async () => {
    const model = (await api()
      .registries({ filter: { name: 'model' } })
      .first())!
    const collections = await model.collections().toArray()
    expect(collections).toEqual([
      expect.objectContaining({ name: 'mnist-cnn', kind: 'portfolio', type: 'model', entity: 'acme-org' }),
    ])
    expect(collections[0]?.aliases).toEqual(expect.arrayContaining(['latest', 'production']))
    expect(await model.collections({ filter: { name: 'nope' } }).toArray()).toEqual([])
    const versions = await model.versions().toArray()
    expect(versions.map((v) => v.qualifiedName)).toEqual([
      'acme-org/wandb-registry-model/mnist-cnn:v1',
      'acme-org/wandb-registry-model/mnist-cnn:v0',
    ])
    const production = await model.versions({ filter: { alias: 'production' } }).toArray()
    expect(production).toHaveLength(1)
    expect(production[0]).toMatchObject({
      version: 'v1',
      sourceCollection: 'cnn',
      sourceVersion: 'v1',
      type: 'model',
    })
    expect([...(production[0]?.aliases ?? [])].sort()).toEqual(['latest', 'production'])
  })

  it('searches versions across registries with $or, tags, aliases and metadata', async () => {
    const everywhere = api().registries()
    const tagged = await everywhere
      .versions({ filter: { $or: [{ tag: 'prod' }, { alias: 'best' }] } })
      .toArray()
    expect(tagged.map((v) => v.qualifiedName).sort()).toEqual([
      'acme-org/wandb-registry-big-model/giant:v0',
      'acme-org/wandb-registry-dataset/mnist-digits:v0',
      'acme-org/wandb-registry-model/mnist-cnn:v1',
    ])
    const accurate = await everywhere.versions({ filter: { 'metadata.acc': { $gt: 0.95 } } }).toArray()
    expect(accurate.map((v) => v.collection).sort()).toEqual(['giant', 'mnist-cnn'])
    const inModels = await api()
      .registries({ filter: { name: { $regex: 'model' } } })
      .collections({ filter: { name: { $regex: 'cnn' } } })
      .versions({ filter: { alias: 'latest' } })
      .toArray()
    expect(inModels.map((v) => v.qualifiedName)).toEqual(['acme-org/wandb-registry-model/mnist-cnn:v1'])
  })

  it('fetches and downloads a registry version by path, resolving the organization', async () => {
    const byOrg = await api().artifact('acme/wandb-registry-model/mnist-cnn:production')
    expect(byOrg).toMatchObject({ entity: 'acme-org', project: 'wandb-registry-model', version: 'v1' })
    const byEntity = await api().artifact('acme-org/wandb-registry-model/mnist-cnn:v0')
    expect(byEntity.sourceVersion).toBe('v0')
    const dir = await mkdtemp(join(tmpdir(), 'wandb-rx-registry-'))
    try {
      await byOrg.download({ root: dir })
      expect((await byOrg.verify(dir)).ok).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    await expect(api().artifact('nowhere/wandb-registry-model/mnist-cnn:v0')).rejects.toMatchObject({
      name: 'NotFoundError',
      resource: 'organization',
    })
  })

  it('rejects unknown filter fields at call time', () => {
    expect(() => api().registries({ filter: { owner: 'me' } })).toThrow(FilterCompileError)
    expect(() =>
      api()
        .registries()
        .collections({ filter: { alias: 'x' } }),
    ).toThrow(/unknown collection field alias/)
    expect(() =>
      api()
        .registries()
        .versions({ filter: { $and: [{ name: 'x' }] } }),
    ).toThrow(FilterCompileError)
  })

  it('needs an organization the caller belongs to', async () => {
    await expect(api(carol.apiKey).registries().toArray()).rejects.toThrow(/no organization/)
    await expect(api(carol.apiKey).registries({ organization: 'acme' }).toArray()).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await expect(api(multi.apiKey).registries().toArray()).rejects.toBeInstanceOf(WandbError)
    expect(names(await api(multi.apiKey).registries({ organization: 'acme' }).toArray())).toEqual([
      'big-model',
      'dataset',
      'model',
    ])
    expect(await api(multi.apiKey).registries({ organization: 'other' }).toArray()).toEqual([])
  })
})
