import type { AppInfo } from '../core/api/areas/app';
import type { MethodName, RequestOf, ResponseOf } from '../core/api/contract';
import type { Result } from '../core/api/result';
import { createDispatcher, type Dispatcher, type Handlers } from './api/dispatcher';
import { EventHub } from './api/eventHub';
import { ensureDataDir } from './dataDir';
import { createTerraformBinarySetting } from './settings/terraformBinary';
import { createAppService } from './services/appService';
import { createBatchService } from './batch/batchService';
import { createDriftService } from './drift/driftService';
import { driftHandlers } from './drift/driftHandlers';
import { createCatalogService } from './catalog/catalogService';
import { exportProject, importProject } from './projects/projectFiles';
import { createEnvironmentService } from './environments/environmentService';
import { createInventorySearch } from './inventory/inventorySearch';
import { createProjectService } from './projects/projectService';
import { createQueryService } from './query/queryService';
import { runHandlers } from './runs/runHandlers';
import { codePreview } from './code/codePreview';
import { createRunService, type RunService } from './runs/runService';
import { fileKeyProvider, type KeyProvider } from './secrets/keyProvider';
import { createHostDatabase, type HostDatabase } from './store/hostDatabase';
import { createParamValidator } from './validation/paramValidator';
import { stateHandlers } from './state/stateHandlers';
import { createStateService, type StateService } from './state/stateService';

export interface HostOptions {
  version: string;
  dataDir: string;
  shell: AppInfo['shell'];
  /** Interval of `app.heartbeat` events; 0 turns them off. */
  heartbeatMs?: number;
  terraformBinary?: string;
  log?: (message: string) => void;
  /** Encrypts secrets at rest; default: the key file `<dataDir>/secret.key` (Electron passes a safeStorage one). */
  keys?: KeyProvider;
  /** User bundle folders, after the built-in library (`driftless bundles --dir`, settings). */
  bundleDirs?: string[];
  /** False: terraform runs write no colour codes (the CLI, when its output is not a terminal). Default true. */
  terraformColor?: boolean;
}

export interface Host {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly dataDir: string;
  /** The one connection to `<dataDir>/driftless.db`, opened on first use; every service shares it. */
  readonly database: HostDatabase;
  /** Terraform state: history, locks, and the http backend (`state.backend()`, started on first use). */
  readonly state: StateService;
  /** Terraform runs: plan → review → apply, queued per environment. */
  readonly runs: RunService;
  /** A typed, validated call, for the CLI and tests (the shells use the dispatcher directly). */
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>>;
  close(): Promise<void>;
}

/** The composition root of the host services, shared by the Electron, web and CLI shells. */
export function createHost(options: HostOptions): Host {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const dataDir = ensureDataDir(options.dataDir);
  const events = new EventHub((event, error) => log(`a listener of ${event} failed: ${(error as Error).stack ?? String(error)}`));
  const database = createHostDatabase(dataDir);
  const terraform = createTerraformBinarySetting(database, options.terraformBinary ?? (process.env.DRIFTLESS_TERRAFORM || undefined));
  const app = createAppService({ version: options.version, dataDir, shell: options.shell, terraform });
  const keys = options.keys ?? fileKeyProvider(dataDir); // secrets and state bodies, one key
  const catalog = createCatalogService({ dirs: options.bundleDirs ?? [], watch: options.shell !== 'cli', onChanged: (snapshot) => events.emit('catalog.changed', snapshot) });
  const projects = createProjectService({
    database,
    keys,
    catalog: () => catalog.list(),
    validateParams: createParamValidator(),
  });
  const state = createStateService({ database, keys, log });
  const query = createQueryService({ database });
  const inventory = createInventorySearch(database);
  const environments = createEnvironmentService({ projects, database });
  const runs = createRunService({ database, dataDir, projects, state, events, keys, catalog: () => catalog.list(), binary: () => terraform.current(), color: options.terraformColor });
  if (options.shell !== 'cli') runs.recover(log); // at launch: runs a crash left running become interrupted (the CLI does it on first use)
  const drift = createDriftService({ database, projects, runs, events, log });
  const batch = createBatchService({ projects, runs });
  if (options.shell !== 'cli') drift.start();
  const handlers: Handlers = {
    ...stateHandlers(state),
    ...runHandlers(runs),
    ...driftHandlers(drift, batch),
    'app.info': () => app.info(),
    'app.chooseTerraform': (request) => app.chooseTerraform(request.path),
    'app.echo': (request) => app.echo(request),
    'catalog.list': () => catalog.list(),
    'catalog.reload': () => catalog.reload(),
    'catalog.manifestYaml': (request) => catalog.manifestYaml(request.ref),
    'project.list': () => projects.list(),
    'project.create': (request) => projects.create(request.name, request.environments),
    'project.get': (request) => projects.get(request.id),
    'project.delete': (request) => projects.delete(request.id),
    'project.export': (request) => exportProject(projects, request.id),
    'project.import': (request) => importProject(projects, request.text, request.name),
    'diagram.apply': (request) => projects.apply(request.projectId, request.edit, request.baseRevision),
    'secret.set': (request) => projects.setSecret(request, request.value),
    'secret.clear': (request) => projects.setSecret(request, null),
    'query.run': (request) => query.run(request.sql, request),
    'query.saved.list': () => query.saved.list(),
    'query.saved.save': (request) => query.saved.save(request.name, request.sql, request.description),
    'query.saved.delete': (request) => query.saved.delete(request.name),
    'query.examples': () => query.examples(),
    'inventory.search': (request) => inventory.search(request),
    'inventory.forNode': (request) => inventory.forNode(request.projectId, request.nodeId),
    'code.preview': (request) => codePreview({ getProject: (id) => projects.get(id), catalog: () => catalog.list() }, request.projectId, request.environmentId),
    'environment.fork': (request) => environments.fork(request),
    'environment.compare': (request) => environments.compare(request),
    'environment.promote': (request) => environments.promote(request),
    'environment.destroyTargets': (request) => environments.destroyTargets(request.projectId, request.nodeId),
  };
  const dispatcher = createDispatcher(handlers, (error) => log(`internal error: ${(error as Error).stack ?? error}`));

  let sequence = 0;
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const timer =
    heartbeatMs > 0
      ? setInterval(() => events.emit('app.heartbeat', { sequence: ++sequence, at: new Date().toISOString() }), heartbeatMs)
      : undefined;
  timer?.unref();

  return {
    dispatcher,
    events,
    dataDir,
    database,
    state,
    runs,
    call: (method, request) => dispatcher.call(method, request) as Promise<Result<ResponseOf<typeof method>>>,
    async close() {
      if (timer) clearInterval(timer);
      catalog.close();
      query.close();
      drift.close();
      await runs.close();
      await state.close();
      database.close();
    },
  };
}
