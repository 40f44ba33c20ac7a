import { stringifyExtended } from '../util/extended-json.js'

/**
 * The few W&B protocol calls the demo seeder makes against this server, over real HTTP: the
 * same path a logger takes (GraphQL mutations, file_stream, signed uploads).
 */
export class ProtocolClient {
  readonly #auth: string

  constructor(
    readonly url: string,
    apiKey: string,
  ) {
    this.#auth = `Basic ${Buffer.from(`api:${apiKey}`).toString('base64')}`
  }

  async graphql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { authorization: this.#auth, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] }
    if (!res.ok || body.errors) throw new Error(`seed: GraphQL ${res.status}: ${JSON.stringify(body.errors)}`)
    return body.data as T
  }

  async fileStream(path: string, body: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${this.url}/files/${path}/file_stream`, {
      method: 'POST',
      headers: { authorization: this.#auth, 'content-type': 'application/json' },
      body: stringifyExtended(body),
    })
    if (!res.ok) throw new Error(`seed: file_stream ${res.status}: ${await res.text()}`)
  }

  /** createRunFiles, then a PUT of each file's bytes to its signed URL. */
  async upload(
    entity: string,
    project: string,
    run: string,
    files: Readonly<Record<string, string | Buffer>>,
  ): Promise<void> {
    const data = await this.graphql<{ createRunFiles: { files: { name: string; uploadUrl: string }[] } }>(
      `mutation($e: String!, $p: String!, $r: String!, $f: [String!]!) {
        createRunFiles(input: {entityName: $e, projectName: $p, runName: $r, files: $f}) { files { name uploadUrl } } }`,
      { e: entity, p: project, r: run, f: Object.keys(files) },
    )
    for (const file of data.createRunFiles.files) {
      const content = files[file.name] as string | Buffer
      const res = await fetch(file.uploadUrl, {
        method: 'PUT',
        body: typeof content === 'string' ? content : new Uint8Array(content),
      })
      if (!res.ok) throw new Error(`seed: upload of ${file.name} failed with ${res.status}`)
    }
  }
}
