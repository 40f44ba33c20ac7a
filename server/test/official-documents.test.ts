import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { gqlOk, withServer } from './helpers.js'

/** Documents wandb 0.30 sends (wandb-core `core/api/graphql`, Python `apis/_generated`), verbatim in shape. */
describe('documents of the official client a minimal server lacked', () => {
  let srv: RunningServer
  beforeAll(async () => {
    srv = await withServer()
    srv.createOrganization({ name: 'acme', members: ['local'] })
  })
  afterAll(() => srv.close())

  it('answers the organization queries wandb-core sends at init: no CoreWeave id, no feature ramps', async () => {
    const cw = await gqlOk(
      srv,
      `query OrganizationCoreWeaveOrganizationID($entityName: String!) {
        entity(name: $entityName) { organization { coreWeaveOrganizationId } } }`,
      { entityName: 'acme' },
    )
    expect(cw).toEqual({ entity: { organization: { coreWeaveOrganizationId: null } } })
    const flags = await gqlOk(
      srv,
      `query OrgFeatureFlags($org: String!) { organization(name: $org) { featureFlags(rampIDType: OrgName) { rampKey isEnabled } } }`,
      { org: 'acme' },
    )
    expect(flags).toEqual({ organization: { featureFlags: [] } })
  })

  it('creates a project with the CreatedProjectFragment of api.create_project (views included)', async () => {
    const data = await gqlOk(
      srv,
      `mutation CreateProject($input: UpsertModelInput!) { result: upsertModel(input: $input) {
        project { ...CreatedProjectFragment } model { ...CreatedProjectFragment } inserted } }
      fragment CreatedProjectFragment on Project { id name entityName description access views }`,
      { input: { name: 'made', entityName: 'local' } },
    )
    expect(data.result).toMatchObject({
      inserted: true,
      project: { name: 'made', entityName: 'local', views: null },
    })
  })

  it('takes the sweep mutation wandb.sweep tries first (templateVariableValues, launchScheduler)', async () => {
    const data = await gqlOk(
      srv,
      `mutation UpsertSweep($config: String, $entityName: String, $projectName: String, $controller: JSONString,
        $launchScheduler: JSONString, $templateVariableValues: JSONString) {
        upsertSweep(input: {config: $config, entityName: $entityName, projectName: $projectName, controller: $controller,
          launchScheduler: $launchScheduler, templateVariableValues: $templateVariableValues}) {
          sweep { name } configValidationWarnings } }`,
      { config: 'method: grid\n', entityName: 'local', projectName: 'sw', templateVariableValues: 'null' },
    )
    expect(data.upsertSweep.sweep.name).toMatch(/^\w+$/)
  })

  it('lists the feature flags the server implements', async () => {
    const { serverInfo } = await gqlOk(
      srv,
      'query ServerFeaturesQuery { serverInfo { features { name isEnabled } } }',
    )
    const enabled = serverInfo.features.filter((f: any) => f.isEnabled).map((f: any) => f.name)
    expect(enabled).toEqual(
      expect.arrayContaining(['ARTIFACT_REGISTRY_SEARCH', 'ARTIFACT_TAGS', 'FILESTREAM_GZIP']),
    )
    expect(enabled).not.toContain('ARTIFACT_DIGEST_ALGORITHM')
  })
})
