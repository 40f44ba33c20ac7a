import { describe, expect, it } from 'vitest'
import { PRELUDE, python, skipReason } from './support/python-wandb.js'
import { useInteropServer } from './support/interop-server.js'

if (!python) console.log(skipReason)

/** Two versions logged by wandb-core, the second linked into an organization's registry. */
const LOGGER = `${PRELUDE}
run = wandb.init(project="arts", id="w1")
for i, alias in enumerate(["first", "second"]):
    art = wandb.Artifact("data", type="dataset", description=f"d{i}", metadata={"i": i})
    with art.new_file("a.txt") as f:
        f.write(f"content {i}")
    run.log_artifact(art, aliases=[alias]).wait()
run.link_artifact(art, "acme/wandb-registry-model/linked")
run.finish()
out("ok")
`

const EDITOR = `${PRELUDE}
api = wandb.Api()
a = api.artifact("local/arts/data:v0")
a.aliases.append("keep")
a.description = "edited"
a.metadata = {"i": 0, "note": "x"}
a.tags = ["t1", "t2"]
a.save()
b = api.artifact("local/arts/data:v1")
b.aliases.remove("second")
b.save()
c = api.artifact_collection("dataset", "local/arts/data")
c.description = "the data"
c.tags = ["ct"]
c.save()
out("ok")
`

const READER = `${PRELUDE}
api = wandb.Api()
def art(name):
    a = api.artifact(name)
    return {"aliases": sorted(a.aliases), "description": a.description, "metadata": a.metadata, "tags": sorted(a.tags)}
c = api.artifact_collection("dataset", "local/arts/data")
out({
    "v0": art("local/arts/data:v0"),
    "v1": art("local/arts/data:v1"),
    "file": open(os.path.join(api.artifact("local/arts/data:latest").download(root="dl"), "a.txt")).read(),
    "versions": sorted(a.name for a in api.artifacts("dataset", "local/arts/data")),
    "collection": [c.name, c.description, sorted(c.tags)],
    "collections": [x.name for x in api.artifact_collections("local/arts", "dataset")],
    "types": [t.name for t in api.artifact_types("local/arts")],
    "registries": [r.name for r in api.registries(organization="acme")],
    "missing": error(lambda: api.artifact("local/arts/nope:v0")),
})
`

const DELETER = `${PRELUDE}
api = wandb.Api()
refused = error(lambda: api.artifact("local/arts/data:v0").delete())
api.artifact("local/arts/data:v0").delete(delete_aliases=True)
fresh = wandb.Api()
out({"refused": refused, "versions": sorted(a.name for a in fresh.artifacts("dataset", "local/arts/data")),
     "latest": fresh.artifact("local/arts/data:latest").version, "gone": error(lambda: fresh.artifact("local/arts/data:v0"))})
`

describe.runIf(python)('official Python client: artifacts logged, edited, read and deleted', () => {
  const ctx = useInteropServer(async ({ srv, py }) => {
    srv.createOrganization({ name: 'acme', members: ['local'] })
    expect(await py(LOGGER)).toBe('ok')
  })

  it('saves alias, description, metadata and tag edits of versions and collections; both clients read them', async () => {
    const { proxy, api, py } = ctx()
    expect(proxy.failures()).toEqual([])
    expect(await py(EDITOR)).toBe('ok')
    const seen = await py(READER)
    expect(seen.v0).toEqual({
      aliases: ['first', 'keep'],
      description: 'edited',
      metadata: { i: 0, note: 'x' },
      tags: ['t1', 't2'],
    })
    expect(seen.v1).toEqual({ aliases: ['latest'], description: 'd1', metadata: { i: 1 }, tags: [] })
    for (const version of ['v0', 'v1']) {
      const ours = await api.artifact(`local/arts/data:${version}`)
      expect(seen[version]).toEqual({
        aliases: [...ours.aliases].sort(),
        description: ours.description,
        metadata: ours.metadata,
        tags: [...ours.tags].sort(),
      })
    }
    expect(seen.file).toBe('content 1')
    expect(seen.versions).toEqual(['data:v0', 'data:v1'])
    const versions = await api.artifactVersions('dataset', 'local/arts/data').toArray()
    expect(seen.versions).toEqual(versions.map((v) => `data:${v.version}`).sort())
    expect(seen.collection).toEqual(['data', 'the data', ['ct']])
    const [collection] = await api.artifactCollections('local/arts', 'dataset').toArray()
    expect(seen.collection).toEqual([collection!.name, collection!.description, [...collection!.tags].sort()])
    expect(seen.collections).toEqual(['data'])
    expect(seen.types).toEqual((await api.artifactTypes('local/arts').toArray()).map((t) => t.name))
    expect(seen.registries).toEqual(['model'])
    expect(seen.registries).toEqual(
      (await api.registries({ organization: 'acme' }).toArray()).map((r) => r.name),
    )
    expect(seen.missing[0]).toBe('CommError')
    expect(seen.missing[1]).toMatch(/nope:v0/)
    expect(proxy.failures()).toEqual([])
  }, 120_000)

  it('deletes a version only with delete_aliases when it has aliases; latest stays on the newest version', async () => {
    const { proxy, api, py } = ctx()
    const seen = await py(DELETER)
    expect(seen.refused[1]).toMatch(/aliases/)
    expect(seen.versions).toEqual(['data:v1'])
    expect(seen.latest).toBe('v1')
    expect(seen.gone[0]).toBe('CommError')
    const versions = await api.artifactVersions('dataset', 'local/arts/data').toArray()
    expect(versions.map((v) => v.version)).toEqual(['v1'])
    // The refused delete is the one deliberate GraphQL error.
    const failed = proxy.failures()
    expect(failed.map((r) => r.operation)).toEqual(['DeleteArtifact'])
    expect(failed[0]!.errors?.[0]).toMatch(/cannot delete an artifact that has aliases/)
  }, 120_000)
})
