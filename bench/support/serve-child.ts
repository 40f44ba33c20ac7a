// The bench server's child process: prints its URL, key and entity as one JSON line, then reads
// fault plans (JSON, or `null`) one per stdin line, answering `ok`; stdin's end closes it.
import { createInterface } from 'node:readline'
import { startServer } from '../../server/src/index.js'

const srv = await startServer({ port: 0 })
console.log(JSON.stringify({ url: srv.url, apiKey: srv.apiKey, entity: srv.entity }))
for await (const line of createInterface({ input: process.stdin })) {
  srv.setFaults(line.trim() === 'null' ? undefined : JSON.parse(line))
  console.log('ok')
}
await srv.close()
