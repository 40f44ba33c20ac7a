import { platform } from '#platform'
import { decode } from '../codecs/decode.js'
import { toRun, type Run } from '../codecs/run.js'
import { RunResponse } from '../codecs/runs-page-codec.js'
import { ViewerResponse, type User } from '../codecs/user-codec.js'
import { RUN_QUERY } from '../compiler/run-fragments.js'
import { AuthError } from '../errors/auth-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { readEnv } from '../internal/environment.js'
import { HttpClient } from '../transport/http-client.js'
import { RateLimiter } from '../transport/rate-limiter.js'
import { redactUrl } from '../transport/redact.js'
import { TransportStats, type TransportStatsSnapshot } from '../transport/transport-stats.js'
import { findApiKey } from './api-key.js'
import type { ArtifactCollection, ArtifactType } from '../codecs/artifact-collection-codec.js'
import type { Team } from '../codecs/team-codec.js'
import type { UserDetails } from '../codecs/user-details-codec.js'
import type { Artifact } from './artifact.js'
import {
  fetchArtifact,
  listArtifactCollections,
  listArtifactTypes,
  listArtifactVersions,
  type ArtifactVersionsOptions,
  type FetchArtifactOptions,
} from './artifacts.js'
import { searchRegistries, type Registries, type RegistriesOptions } from './registries.js'
import {
  createServiceAccount,
  createTeam,
  fetchTeam,
  inviteToTeam,
  type CreateTeamOptions,
  type Invite,
  type InviteTarget,
  type ServiceAccount,
} from './teams.js'
import { deleteApiKey, findUser, generateApiKey, searchUsers, type GeneratedApiKey } from './users.js'
import type { ApiOptions } from './api-options.js'
import { appUrlFor } from './app-url.js'
import { createRun, type CreateRunOptions } from './create-run.js'
import { fetchSweep } from './fetch-sweep.js'
import { listReports, type ReportsOptions } from './list-reports.js'
import { listSweeps } from './list-sweeps.js'
import type { PagedListing } from './paged-listing.js'
import type { Project } from './project.js'
import { createProject, fetchProject, listProjects, type CreateProjectOptions } from './projects.js'
import type { Report } from './report.js'
import type { Sweep } from './sweep.js'
import { RunHandle } from './run-handle.js'
import { parseProjectPath, parseRunPath, type RunPath } from './run-path.js'
import { createRunsQuery, type RunsQuery } from '../dsl/builders/runs-query.js'
import type { AnyRunSchema, RunSchema } from '../dsl/types/run-schema.js'
import type { RunsQueryRuntime } from '../dsl/runs-query-runtime.js'
import { createRunsRuntime } from '../streams/runs-runtime.js'
import { watchMany, type WatchOptions } from '../streams/watch-many.js'
import type { WatchManyEvent } from '../streams/run-event.js'
import type { Observable } from 'rxjs'

const VIEWER_QUERY = `query Viewer { viewer { id entity username name email admin teams { edges { node { name } } } } }`

/**
 * The entry point: one `Api` per set of credentials. It holds the HTTP client, the retry policy,
 * one rate limiter shared by every stream it runs, and a cache of runs fetched by path.
 *
 * Creating it does no I/O; the key and the default entity are looked up on first use.
 *
 * @example
 * ```ts
 * const api = new Api({ baseUrl: 'http://127.0.0.1:8080', apiKey })
 * const me = await api.viewer()
 * const run = await api.run(`${me.entity}/mnist/1a2b3c`).get()
 * ```
 */
export class Api {
  readonly baseUrl: string
  readonly appUrl: string
  /** @internal The seam handles and streams use. */
  readonly context: ApiContext
  readonly #options: ApiOptions
  readonly #http: HttpClient
  readonly #stats = new TransportStats()
  #viewer: Promise<User> | undefined
  #runs = new Map<string, Promise<Run>>()
  #runsRuntime: RunsQueryRuntime | undefined

  constructor(options: ApiOptions = {}) {
    this.#options = options
    this.baseUrl = (options.baseUrl ?? readEnv('WANDB_BASE_URL') ?? 'https://api.wandb.ai').replace(
      /\/+$/,
      '',
    )
    this.appUrl = appUrlFor(this.baseUrl, readEnv('WANDB_APP_URL'))
    let key: Promise<string | undefined> | undefined
    this.#http = new HttpClient({
      baseUrl: this.baseUrl,
      apiKey: () => (key ??= findApiKey(options.apiKey, this.baseUrl)),
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      deadlineMs: options.deadlineMs,
      headers: options.headers,
      stats: this.#stats,
      limiter: new RateLimiter(options.rateLimit, this.#stats),
      maxConcurrency: options.maxConcurrency,
    })
    this.context = {
      http: this.#http,
      appUrl: this.appUrl,
      entity: (given) => this.#entity(given),
      project: (given) => given ?? this.#options.project ?? readEnv('WANDB_PROJECT') ?? 'uncategorized',
      getRun: (path, signal) => this.#getRun(path, signal),
      forget: (path) => this.#forget(path),
      capabilities: new Map(),
      historyCache:
        options.historyCache === undefined
          ? platform.defaultHistoryCache()
          : options.historyCache || undefined,
    }
  }

  /**
   * The user behind the API key. Rejects with `AuthError` when the key is missing or rejected
   * (W&B answers a bad key with `viewer: null`).
   */
  viewer(options: { signal?: AbortSignal } = {}): Promise<User> {
    const load = async () => {
      const data = await this.#http.graphql({ query: VIEWER_QUERY, signal: options.signal })
      const { viewer } = decode(ViewerResponse, data, 'Viewer')
      if (viewer === null) {
        throw new AuthError(
          { status: 200, method: 'POST', url: redactUrl(`${this.baseUrl}/graphql`), operation: 'Viewer' },
          'the API key was not accepted (viewer is null): pass apiKey, or set WANDB_API_KEY, or add it to ~/.netrc',
        )
      }
      return viewer
    }
    if (options.signal) return load()
    const cached = (this.#viewer ??= load())
    cached.catch(() => (this.#viewer = undefined))
    return cached
  }

  /**
   * A query over a project's runs: an immutable builder that compiles to W&B filters without I/O
   * and runs as an Observable, an async iterable or a promise. `path` is `project` or
   * `entity/project`; both default as {@link ApiOptions} says.
   *
   * Pass your config and summary types to type-check filter and order paths.
   *
   * @example
   * ```ts
   * const best = await api
   *   .runs<{ config: { lr: number }; summary: { loss: number } }>('team/mnist')
   *   .where({ 'config.lr': { $lte: 0.01 }, state: 'finished' })
   *   .orderBy('+summary.loss')
   *   .limit(5)
   *   .toArray()
   * ```
   */
  runs<S extends RunSchema = AnyRunSchema>(path?: string): RunsQuery<S> {
    const { entity, project } =
      path === undefined ? { entity: undefined, project: undefined } : parseProjectPath(path)
    return createRunsQuery<S>({
      ...(entity === undefined ? {} : { entity }),
      project: this.context.project(project),
      runtime: this.#runtime(),
    })
  }

  /** @internal The runs runtime of this Api (one per Api, sharing its transport and limiter). */
  #runtime(): RunsQueryRuntime {
    return (this.#runsRuntime ??= createRunsRuntime(this.context))
  }

  /**
   * Watches many runs with one batched GraphQL request per poll (aliases), instead of one per
   * run: 100 running runs cost about one request per interval. Events carry the run's path.
   *
   * @example
   * ```ts
   * api.watchMany(['team/mnist/a1', 'team/mnist/b2'], { intervalMs: 10_000 })
   *   .subscribe(({ path, event }) => console.log(path, event.type))
   * ```
   */
  watchMany(runs: readonly (string | Run)[], options: WatchOptions = {}): Observable<WatchManyEvent> {
    return watchMany(this.context, runs, options)
  }

  /**
   * A handle on one run. Accepts `e/p/id`, `e/p/runs/id`, `e/p:id`, `p/id`, `id`, an app URL,
   * or a `Run` (its path). Throws `PathError` at once for malformed paths.
   */
  run(path: string | Pick<Run, 'path'>): RunHandle {
    return new RunHandle(this.context, parseRunPath(typeof path === 'string' ? path : path.path))
  }

  /**
   * Creates an empty run (default state `running`, random 8-character id). See {@link createRun}.
   *
   * @example
   * ```ts
   * const run = await api.createRun({ project: 'mnist', state: 'pending' })
   * ```
   */
  createRun(options: CreateRunOptions = {}): Promise<Run> {
    return createRun(this.context, options)
  }

  /**
   * One sweep (`e/p/id`, `p/id`, `id` or an app URL) with its YAML config parsed; `NotFoundError`
   * when missing. See {@link fetchSweep}.
   *
   * @example
   * ```ts
   * const best = await (await api.sweep('team/mnist/abc123')).bestRun()
   * ```
   */
  sweep(path: string, options: { readonly signal?: AbortSignal } = {}): Promise<Sweep> {
    return fetchSweep(this.context, path, options)
  }

  /**
   * The sweeps of a project (`'e/p'` or `'p'`). See {@link listSweeps}.
   *
   * @example
   * ```ts
   * for await (const s of api.sweeps('team/mnist')) console.log(s.id, s.state)
   * ```
   */
  sweeps(projectPath: string): PagedListing<Sweep> {
    return listSweeps(this.context, projectPath)
  }

  /**
   * The projects of an entity (default: the Api's). See {@link listProjects}.
   *
   * @example
   * ```ts
   * const names = (await api.projects('team').toArray()).map((p) => p.name)
   * ```
   */
  projects(entity?: string): PagedListing<Project> {
    return listProjects(this.context, entity)
  }

  /**
   * One project (`'e/p'` or `'p'`) with its run count; `NotFoundError` when missing or not
   * readable. See {@link fetchProject}.
   *
   * @example
   * ```ts
   * const p = await api.project('team/mnist')
   * console.log(p.runCount, await p.runs().where({ state: 'running' }).count())
   * ```
   */
  project(path: string, options: { readonly signal?: AbortSignal } = {}): Promise<Project> {
    return fetchProject(this.context, path, options)
  }

  /**
   * Creates a project, or returns the existing one of that name. See {@link createProject}.
   *
   * @example
   * ```ts
   * await api.createProject({ name: 'mnist-v2', entity: 'team' })
   * ```
   */
  createProject(options: CreateProjectOptions): Promise<Project> {
    return createProject(this.context, options)
  }

  /**
   * The reports of a project (`'e/p'` or `'p'`), optionally by name. See {@link listReports}.
   *
   * @example
   * ```ts
   * for await (const r of api.reports('team/mnist')) console.log(r.displayName, r.url)
   * ```
   */
  reports(projectPath: string, options: ReportsOptions = {}): PagedListing<Report> {
    return listReports(this.context, projectPath, options)
  }

  /**
   * One user by username or email (instance admins only: `AuthError` 403 otherwise; a miss is
   * `NotFoundError`). See {@link findUser}.
   *
   * @example
   * ```ts
   * const ada = await api.user('ada@example.com')
   * ```
   */
  user(usernameOrEmail: string, options: { readonly signal?: AbortSignal } = {}): Promise<UserDetails> {
    return findUser(this.context, usernameOrEmail, options)
  }

  /**
   * Users matching a partial username or email (instance admins only). See {@link searchUsers}.
   *
   * @example
   * ```ts
   * const team = await api.users('@example.com')
   * ```
   */
  users(query: string, options: { readonly signal?: AbortSignal } = {}): Promise<UserDetails[]> {
    return searchUsers(this.context, query, options)
  }

  /**
   * A new API key for you; `key` is shown only here. See {@link generateApiKey}.
   *
   * @example
   * ```ts
   * const { id, key } = await api.generateApiKey({ description: 'ci' })
   * ```
   */
  generateApiKey(
    options: { readonly description?: string; readonly signal?: AbortSignal } = {},
  ): Promise<GeneratedApiKey> {
    return generateApiKey(this.context, options)
  }

  /**
   * Revokes an API key by id. See {@link deleteApiKey}.
   *
   * @example
   * ```ts
   * await api.deleteApiKey(id)
   * ```
   */
  deleteApiKey(id: string, options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    return deleteApiKey(this.context, id, options)
  }

  /**
   * A team with its members; `NotFoundError` when missing. See {@link fetchTeam}.
   *
   * @example
   * ```ts
   * const admins = (await api.team('vision')).members.filter((m) => m.admin)
   * ```
   */
  team(name: string, options: { readonly signal?: AbortSignal } = {}): Promise<Team> {
    return fetchTeam(this.context, name, options)
  }

  /**
   * Creates a team (you are its admin unless `admin` names someone). See {@link createTeam}.
   *
   * @example
   * ```ts
   * await api.createTeam({ name: 'vision' })
   * ```
   */
  createTeam(options: CreateTeamOptions): Promise<Team> {
    return createTeam(this.context, options)
  }

  /**
   * Invites someone to a team (team admins only). See {@link inviteToTeam}.
   *
   * @example
   * ```ts
   * await api.invite('vision', { email: 'grace@example.com' })
   * ```
   */
  invite(
    team: string,
    target: InviteTarget,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<Invite> {
    return inviteToTeam(this.context, team, target, options)
  }

  /**
   * Creates a service account in a team (team admins only). See {@link createServiceAccount}.
   *
   * @example
   * ```ts
   * const bot = await api.createServiceAccount('vision', { description: 'nightly eval' })
   * ```
   */
  createServiceAccount(
    team: string,
    options: { readonly description: string; readonly signal?: AbortSignal },
  ): Promise<ServiceAccount> {
    return createServiceAccount(this.context, team, options)
  }

  /**
   * One artifact version: `'e/p/name:alias'`, `'p/name:v3'`, `'name'` (alias `latest`), or a
   * registry path `'org/wandb-registry-model/name:alias'`. See {@link fetchArtifact}.
   *
   * @example
   * ```ts
   * const a = await api.artifact('team/mnist/digits:best')
   * await a.download({ root: 'data' })
   * ```
   */
  artifact(name: string, options: FetchArtifactOptions = {}): Promise<Artifact> {
    return fetchArtifact(this.context, name, options)
  }

  /**
   * The versions of a collection, newest first (Python `api.artifacts(type, name)`). See
   * {@link listArtifactVersions}.
   *
   * @example
   * ```ts
   * for await (const v of api.artifactVersions('model', 'team/mnist/cnn')) console.log(v.version)
   * ```
   */
  artifactVersions(
    type: string,
    name: string,
    options: ArtifactVersionsOptions = {},
  ): PagedListing<Artifact> {
    return listArtifactVersions(this.context, type, name, options)
  }

  /**
   * The collections of one artifact type in a project. See {@link listArtifactCollections}.
   *
   * @example
   * ```ts
   * const models = await api.artifactCollections('team/mnist', 'model').toArray()
   * ```
   */
  artifactCollections(projectPath: string, type: string): PagedListing<ArtifactCollection> {
    return listArtifactCollections(this.context, projectPath, type)
  }

  /**
   * The artifact types of a project. See {@link listArtifactTypes}.
   *
   * @example
   * ```ts
   * const types = (await api.artifactTypes('team/mnist').toArray()).map((t) => t.name)
   * ```
   */
  artifactTypes(projectPath: string): PagedListing<ArtifactType> {
    return listArtifactTypes(this.context, projectPath)
  }

  /**
   * Searches an organization's registries, then their collections and versions, with Mongo
   * filters. See {@link searchRegistries}.
   *
   * @example
   * ```ts
   * const best = await api.registries({ filter: { name: 'model' } }).versions({ filter: { alias: 'best' } }).toArray()
   * ```
   */
  registries(options: RegistriesOptions = {}): Registries {
    return searchRegistries(this.context, options)
  }

  /** Forgets cached runs and the cached viewer, like Python's `api.flush()`. */
  flush(): void {
    this.#runs.clear()
    this.#viewer = undefined
  }

  /** Requests, retries, rate-limit waits, bytes and rows/s of everything this Api has run. */
  stats(): TransportStatsSnapshot {
    return this.#stats.snapshot()
  }

  async #entity(given?: string): Promise<string> {
    const configured = given ?? this.#options.entity ?? readEnv('WANDB_ENTITY')
    if (configured) return configured
    return (await this.viewer()).entity
  }

  /** Drops every cache key that may name this run (keys hold the parts as given, maybe empty). */
  #forget(path: RunPath): void {
    for (const key of [...this.#runs.keys()]) {
      const [entity = '', project = '', id] = key.split('/')
      const same = (given: string, wanted: string | undefined) =>
        given === '' || wanted === undefined || given === wanted
      if (id === path.id && same(entity, path.entity) && same(project, path.project)) this.#runs.delete(key)
    }
  }

  #getRun(path: RunPath, signal?: AbortSignal): Promise<Run> {
    const load = async () => {
      const entity = await this.#entity(path.entity)
      const project = this.context.project(path.project)
      const variables = { entity, project, name: path.id }
      const data = await this.#http.graphql({ query: RUN_QUERY, variables, signal })
      const node = decode(RunResponse, data, 'Run').project?.run
      if (!node) throw new NotFoundError('run', `${entity}/${project}/${path.id}`)
      return toRun(node, { entity, project, appUrl: this.appUrl })
    }
    if (signal) return load() // an abortable call must not cancel other callers' cached promise
    const key = `${path.entity ?? ''}/${path.project ?? ''}/${path.id}`
    const cached = this.#runs.get(key)
    if (cached) return cached
    const loading = load()
    this.#runs.set(key, loading)
    loading.catch(() => this.#runs.delete(key))
    return loading
  }
}
