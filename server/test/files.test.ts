import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { basic, gql, gqlOk, upsertRun, withServer } from './helpers.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer()
  await upsertRun(srv, { name: 'f', project: 'files' })
})
afterAll(() => srv.close())

const CREATE = `mutation CreateRunFiles($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
  createRunFiles(input: {entityName: $entity, projectName: $project, runName: $run, files: $files}) {
    runID uploadHeaders files { name uploadUrl } } }`

const FILES = `query RunFiles($project: String!, $entity: String!, $name: String!, $fileCursor: String,
  $fileLimit: Int = 50, $fileNames: [String] = [], $upload: Boolean = false, $pattern: String) {
  project(name: $project, entityName: $entity) { internalId
    run(name: $name) { fileCount projectId
      files(names: $fileNames, after: $fileCursor, first: $fileLimit, pattern: $pattern) {
        edges { node { id name url(upload: $upload) directUrl sizeBytes mimetype updatedAt md5 } cursor }
        pageInfo { endCursor hasNextPage } } } } }`

async function upload(names: string[], content: (name: string) => string) {
  const data = await gqlOk(srv, CREATE, { entity: 'local', project: 'files', run: 'f', files: names })
  for (const file of data.createRunFiles.files) {
    const res = await fetch(file.uploadUrl, { method: 'PUT', body: content(file.name) })
    expect(res.status).toBe(200)
  }
  return data.createRunFiles
}

const listFiles = async (vars: Record<string, unknown> = {}) =>
  (await gqlOk(srv, FILES, { project: 'files', entity: 'local', name: 'f', ...vars })).project.run

describe('run files', () => {
  it('hands out upload URLs, stores bytes with size and base64 md5, lists and downloads them', async () => {
    const created = await upload(
      ['config.yaml', 'media/images/a.png', 'wandb-metadata.json'],
      (n) => `content of ${n}`,
    )
    expect(created.runID).toBe(Buffer.from('Run:v1:f:files:local').toString('base64'))
    expect(created.uploadHeaders).toEqual([])
    const run = await listFiles()
    expect(run.fileCount).toBe(3)
    const nodes = run.files.edges.map((e: any) => e.node)
    expect(nodes.map((n: any) => n.name)).toEqual([
      'config.yaml',
      'media/images/a.png',
      'wandb-metadata.json',
    ])
    const png = nodes[1]
    expect(png).toMatchObject({
      sizeBytes: 'content of media/images/a.png'.length,
      mimetype: 'image/png',
      md5: createHash('md5').update('content of media/images/a.png').digest('base64'),
    })
    expect(png.url).toBe(`${srv.url}/files/local/files/f/media/images/a.png`)
    // url needs the key; directUrl is signed and needs none.
    expect((await fetch(png.url)).status).toBe(401)
    const withKey = await fetch(png.url, { headers: { authorization: basic(srv.apiKey) } })
    expect(withKey.headers.get('content-type')).toBe('image/png')
    expect(await withKey.text()).toBe('content of media/images/a.png')
    const direct = await fetch(png.directUrl)
    expect(await direct.text()).toBe('content of media/images/a.png')
    const forged = await fetch(png.directUrl.replace(/sig=[^&]+/, 'sig=forged'))
    expect(forged.status).toBe(403)
  })

  it('filters by names and LIKE pattern, pages with fileCursor/fileLimit', async () => {
    expect(
      (await listFiles({ fileNames: ['config.yaml'] })).files.edges.map((e: any) => e.node.name),
    ).toEqual(['config.yaml'])
    expect((await listFiles({ pattern: '%.json' })).files.edges.map((e: any) => e.node.name)).toEqual([
      'wandb-metadata.json',
    ])
    const first = await listFiles({ fileLimit: 2 })
    expect(first.files.pageInfo.hasNextPage).toBe(true)
    const rest = await listFiles({ fileLimit: 2, fileCursor: first.files.pageInfo.endCursor })
    expect(rest.files.edges.map((e: any) => e.node.name)).toEqual(['wandb-metadata.json'])
    expect(rest.files.pageInfo.hasNextPage).toBe(false)
    const uploadUrls = await listFiles({ upload: true, fileNames: ['config.yaml'] })
    expect(uploadUrls.files.edges[0].node.url).toMatch(/\/upload\/\d+\?exp=\d+&sig=/)
  })

  it('re-uploading replaces content; an unsigned PUT is refused', async () => {
    await upload(['config.yaml'], () => 'v2')
    const node = (await listFiles({ fileNames: ['config.yaml'] })).files.edges[0].node
    expect(node.sizeBytes).toBe(2)
    expect(await (await fetch(node.directUrl)).text()).toBe('v2')
    const data = await gqlOk(srv, CREATE, { entity: 'local', project: 'files', run: 'f', files: ['x.txt'] })
    const unsigned = data.createRunFiles.files[0].uploadUrl.split('?')[0]
    expect((await fetch(unsigned, { method: 'PUT', body: 'x' })).status).toBe(403)
  })

  it('returns an empty runID for a missing project and errors for bad names or runs', async () => {
    const missing = await gqlOk(srv, CREATE, { entity: 'local', project: 'nope', run: 'f', files: ['a'] })
    expect(missing.createRunFiles).toEqual({ runID: '', uploadHeaders: [], files: [] })
    const badName = await gql(srv, CREATE, {
      entity: 'local',
      project: 'files',
      run: 'f',
      files: ['../etc/passwd'],
    })
    expect(badName.errors?.[0]?.message).toMatch(/invalid file name/)
    const badRun = await gql(srv, CREATE, { entity: 'local', project: 'files', run: 'ghost', files: ['a'] })
    expect(badRun.errors?.[0]?.message).toMatch(/not found/)
  })

  it('deleteFiles removes files by node id', async () => {
    const run = await listFiles({ fileNames: ['wandb-metadata.json'] })
    const id = run.files.edges[0].node.id
    const data = await gqlOk(
      srv,
      'mutation deleteFiles($files: [ID!]!, $projectId: Int) { deleteFiles(input: {files: $files, projectId: $projectId}) { success } }',
      {
        files: [id],
        projectId: Number(run.projectId),
      },
    )
    expect(data.deleteFiles.success).toBe(true)
    expect((await listFiles({ fileNames: ['wandb-metadata.json'] })).files.edges).toEqual([])
    const again = await gqlOk(
      srv,
      'mutation($files: [ID!]!) { deleteFiles(input: {files: $files}) { success } }',
      { files: [id] },
    )
    expect(again.deleteFiles.success).toBe(false)
  })

  it('answers 404 for unknown files', async () => {
    const res = await fetch(`${srv.url}/files/local/files/f/nope.txt`, {
      headers: { authorization: basic(srv.apiKey) },
    })
    expect(res.status).toBe(404)
  })
})
