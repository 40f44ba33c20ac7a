import { benchPost, type BenchServer } from './bench-server.js'

export const OPTIMIZERS = ['adam', 'adamw', 'sgd', 'rmsprop']

/**
 * Seeds `runs` finished runs of `rows` history rows each (`_step`, `_runtime`, `_timestamp`,
 * `loss`, `acc`) with `config.optimizer` from {@link OPTIMIZERS} and `config.lr`, through the
 * writer protocol: one `upsertBucket`, one file_stream request with every row and `complete`.
 * Runs are sent four at a time, so the client builds one body while the server stores another.
 * Returns the seconds it took.
 */
export async function seedRuns(
  target: Pick<BenchServer, 'url' | 'apiKey' | 'entity'>,
  options: { project: string; runs: number; rows: number },
): Promise<number> {
  const post = benchPost(target)
  const t0 = performance.now()
  const seedOne = async (i: number) => {
    const name = `run-${String(i).padStart(3, '0')}`
    const optimizer = OPTIMIZERS[i % OPTIMIZERS.length]
    const config = JSON.stringify({ optimizer: { value: optimizer }, lr: { value: 10 ** -(1 + (i % 3)) } })
    await post(`${target.url}/graphql`, {
      query: `mutation S($p: String, $e: String, $n: String!, $c: JSONString) { upsertBucket(input: {
        modelName: $p, entityName: $e, name: $n, config: $c, state: "running" }) { bucket { id } } }`,
      variables: { p: options.project, e: target.entity, n: name, c: config },
    })
    const content: string[] = []
    for (let step = 0; step < options.rows; step++) {
      const decay = Math.exp(-step / (options.rows / (2 + (i % OPTIMIZERS.length))))
      const loss = step % 997 === 13 ? 'NaN' : String(decay + 0.05 * Math.sin(step * 0.01 + i))
      content.push(
        `{"_step":${step},"_runtime":${step * 0.05},"_timestamp":${1.7e9 + step * 0.05},"loss":${loss},"acc":${1 - decay}}`,
      )
    }
    const stream = `${target.url}/files/${target.entity}/${options.project}/${name}/file_stream`
    await post(stream, {
      files: { 'wandb-history.jsonl': { offset: 0, content } },
      complete: true,
      exitcode: 0,
    })
  }
  let next = 0
  const worker = async () => {
    while (next < options.runs) await seedOne(next++)
  }
  await Promise.all([worker(), worker(), worker(), worker()])
  return (performance.now() - t0) / 1000
}
