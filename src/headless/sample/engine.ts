import { ReleaseDataError } from '../adapters/errors';
import { topologicalOrder } from '../graph/validate';
import type {
  ApplicationState,
  EnvironmentStep,
  FlowEnvironment,
  Issue,
  Person,
  PromotionFlow,
  Release,
  Status,
  WorkflowStep,
} from '../model/types';
import { STATUS_LABELS, aggregateStatus } from '../model/status';
import { rng, suffixOf, type Rng } from './rng';

export const NOW = '2026-11-20T10:00:00.000Z';
const SEC = 1000;
export const MIN = 60 * SEC;

const APPS = ['payments-api', 'checkout-web', 'orders-worker', 'cart-api', 'auth-gateway', 'pricing-svc'];
const TRIGGER = ['build', 'unit-tests'];
const PRE = ['integration-tests', 'approval', 'security-scan'];
const POST = ['smoke-tests', 'notify-slack', 'load-test'];
// With `steps`: what a delivery team's pipeline runs, each of which can fail.
const STEPS_PRE = ['db-migrate', 'integration-tests', 'security-scan'];
const STEPS_POST = ['smoke-tests', 'load-test'];
const PEOPLE = ['Ada.Lopez', 'Kenji.Sato', 'Priya.Nair', 'Tom.Becker', 'Lena.Novak', 'Omar.Haddad'];
const VERBS = ['Fix', 'Add', 'Update', 'Refactor', 'Harden'];
const THINGS = ['card-retries', 'checkout-layout', 'order-timeouts', 'cart-totals', 'auth-tokens', 'currency-rounding'];
// Every name, email and phrase made once, when first drawn: a history of 100,000 releases keeps
// hundreds of thousands of them, and one string for each keeps its memory down.
let names: Array<[string, string]> | undefined;
const phrases: string[] = [];
const index = (r: Rng, list: readonly unknown[]) => Math.floor(r.next() * list.length);

/** Someone of the team, drawn as `r.pick(PEOPLE)` would: a new object, its strings shared. */
export function person(r: Rng): Person {
  names ??= PEOPLE.map((name) => [name.replace('.', ' '), `${name.toLowerCase()}@acme.dev`]);
  const [name, email] = names[index(r, PEOPLE)]!;
  return { name, email };
}

/** A commit message or a title: `Fix card retries`. */
export function phrase(r: Rng): string {
  const i = index(r, VERBS) * THINGS.length + index(r, THINGS);
  return (phrases[i] ??= `${VERBS[(i / THINGS.length) | 0]} ${THINGS[i % THINGS.length]!.replace('-', ' ')}`);
}
/** Appended by `longNames` so every name passes 60 characters. */
export const LONG = 'primary-cluster-blue-green-rollout-with-extended-validation';

// Segment kinds, by index: what the environment's subtitle says meanwhile. Steps of kind 0 are
// listed under `trigger`, 1 under `preAction` and 4 under `postAction`; 2 and 3 are not steps.
const TEXT = [
  'Running Trigger Workflow',
  'Running Pre-Action Workflow',
  'Waiting For Pull Request Merge',
  'Waiting For App To Sync',
  'Running Post-Action Workflow',
];
const PR = 2;
const SYNC = 3;

/** One stretch of an environment's timeline; times are ms from the environment's start. */
interface Segment {
  k: number;
  name: string;
  s: number;
  e: number;
  /**
   * One workflow run per application (each workflow runs once per application), kept as the random
   * draw that names it (`runName`): a light plan of 5,000 stores never shows most of them.
   */
  wf: number[];
  /** Each run's workflow name and link, made when first rendered and shared by every release of the plan. */
  names?: Array<[string, string]>;
}

interface EnvPlan {
  f: FlowEnvironment;
  apps: string[];
  segs: Segment[];
  sync: Segment;
  pr?: Segment;
  /** When each application is synced and healthy, ms from the environment's start. */
  ready: number[];
  /** Start and end, ms from the release's creation; Infinity for an environment that never runs. */
  S: number;
  E: number;
  out: Status;
  fail?: Segment;
  /**
   * The namespace and each application's link, made when first rendered: a history renders one
   * plan thousands of times, and equal strings made once keep its memory (and the collector's work) down.
   */
  names?: [string, string[]];
}

export interface PlanOptions {
  seed: number;
  product: string;
  manual?: boolean;
  /** The environments that fail: a name, or several (a handful of stores in one wave). */
  failAt?: string | readonly string[];
  prAt?: string;
  long?: boolean;
  /** Version counter: the version is derived from it so a history can make versions increase. */
  n?: number;
  /** One application per environment, no workflow steps, no notes: a history of 10,000 must build fast. */
  light?: boolean;
  /**
   * With `light`: production environments and failing ones list their workflow steps all the
   * same, and a failure is always a workflow step's (db-migrate, smoke-tests…), never a sync's:
   * the failing steps delivery insights rank.
   */
  steps?: boolean;
  /**
   * At most this many environments of one top-level group (a wave, a cell) run at once, as a fleet
   * rollout's concurrency limit holds them; environments without a group are never held.
   */
  parallel?: number;
}

/**
 * The whole timeline of one release, decided up front from the seed: every snapshot is then a pure
 * function of a clock, which keeps the states, the history and the simulator consistent with each
 * other and lets a snapshot be rebuilt without mutating an earlier one.
 */
export interface Plan {
  o: PlanOptions;
  flow: PromotionFlow;
  envs: EnvPlan[];
  at: Map<string, EnvPlan | 0>;
  pool: string[];
  end: number;
  final: Status;
}

/** `min` to `max` of `list`, in order from a random place, wrapping round. */
const some = (list: string[], r: Rng, min: number, max: number): string[] => {
  const from = r.int(0, list.length - 1);
  const count = Math.min(r.int(min, max), list.length);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(list[(from + i) % list.length]!);
  return out;
};

/** The name of application `i`'s run of a step, as Argo Workflows names one: `smoke-tests-x4k2p`. */
const runName = (g: Segment, i: number): string => {
  const x = g.wf[i];
  return x === undefined ? '' : `${g.name}-${suffixOf(x)}`;
};

/** `kill`: when a user terminates the release, in ms from its creation. */
export function plan(flow: PromotionFlow, o: PlanOptions, kill = Infinity): Plan {
  const r = rng(o.seed);
  const long = (name: string) => (o.long ? `${name}-${LONG}` : name);
  const pool = some(APPS, r, 4, 4).map(long);
  const defs = new Map(flow.environments.map((f) => [f.name, f]));
  const at = new Map<string, EnvPlan | 0>();
  // Raises ReleaseDataError naming the fault for a cycle, an unknown dependsOn or a duplicate.
  topologicalOrder(flow.environments);
  const failAt = typeof o.failAt === 'string' ? [o.failAt] : (o.failAt ?? []);
  failAt.forEach((name, i) => {
    if (!defs.has(name)) {
      throw new ReleaseDataError('failAt names no environment of the flow', typeof o.failAt === 'string' ? '$.failAt' : `$.failAt[${i}]`, name);
    }
  });
  const failing = new Set(failAt);
  // Each top-level group's environments that ran, in the order they were planned: the k-th takes
  // over the concurrency slot of the (k - parallel)-th, so no more than `parallel` run at once.
  const pools = new Map<string, EnvPlan[]>();

  // Depth-first so an environment is planned after everything it waits for, whatever the order.
  const visit = (name: string): EnvPlan => {
    const f = defs.get(name)!;
    const seen = at.get(name);
    if (seen) return seen;
    at.set(name, 0);
    const deps = f.dependsOn.map(visit);
    const apps = pool.slice(0, o.light ? 1 : r.int(1, 4));
    const segs: Segment[] = [];
    let t = 0;
    const add = (k: number, name: string, ms: number) => {
      const seg: Segment = { k, name, s: t, e: (t += ms), wf: apps.map(() => r.next()) };
      segs.push(seg);
      t += r.int(2, 8) * SEC;
      return seg;
    };
    const trigger = name === flow.trigger && !o.manual;
    // With `steps` each environment runs one check before and at most one after: enough to rank,
    // light enough for a history of 100,000.
    for (const w of some(trigger ? TRIGGER : o.steps ? STEPS_PRE : PRE, r, 1, o.steps ? 1 : 2)) add(trigger ? 0 : 1, long(w), r.int(30, 240) * SEC);
    const pr = name === o.prAt ? add(PR, 'pull-request', r.int(2, 6) * 60 * MIN) : undefined;
    const sync = add(SYNC, 'sync', r.int(20, 120) * SEC);
    for (const w of some(o.steps ? STEPS_POST : POST, r, 0, o.steps ? 1 : 2)) add(4, long(w), r.int(20, 90) * SEC);
    // With `steps`, the checks after the sync fail most (smoke tests, then load tests), then the pre-actions.
    const post = o.steps && segs.at(-1) !== sync ? segs.at(-1) : undefined;
    const fail = !failing.has(name)
      ? undefined
      : o.steps
        ? post && r.next() < 0.6
          ? post
          : r.pick(segs.filter((g) => g.k < PR))
        : r.pick(segs.filter((g) => g !== pr));
    // Applications turn healthy one after another; a degraded one never does.
    const ready = apps.map((_, i) =>
      fail === sync && !i ? sync.e : Math.round(sync.s + ((sync.e - sync.s) * (i + 1)) / apps.length),
    );
    const top = o.parallel && f.group !== undefined ? f.group.split('/', 1)[0]! : undefined;
    let queue = top === undefined ? undefined : pools.get(top);
    if (top !== undefined && !queue) pools.set(top, (queue = []));
    // Loops, not spreads: a gate waits for thousands of stores.
    let S = queue && o.parallel ? (queue[queue.length - o.parallel]?.E ?? 0) : 0;
    let blocked = false;
    for (const d of deps) {
      if (d.E > S) S = d.E;
      if (d.out !== 'succeeded') blocked = true;
    }
    S += deps.length && r.int(3, 15) * SEC;
    let E = S + (fail ?? segs.at(-1) ?? sync).e;
    let out: Status = fail ? 'failed' : 'succeeded';
    // Downstream of a failure or of a termination nothing ever starts; fan-in waits for all.
    if (blocked || S >= kill) {
      S = E = Infinity;
      out = 'pending';
    } else if (E > kill) {
      E = kill;
      out = 'terminated';
    }
    const env: EnvPlan = { f, apps, segs, sync, pr, ready, S, E, out, fail };
    // An environment that never starts holds no slot.
    if (S < Infinity) queue?.push(env);
    at.set(name, env);
    return env;
  };
  const envs = flow.environments.map((f) => visit(f.name));
  const ran = envs.filter((e) => e.S < Infinity);
  let end = 0;
  for (const e of ran) end = Math.max(end, e.E);
  return {
    o,
    flow,
    envs,
    at,
    pool,
    end,
    final: ran.some((e) => e.out === 'failed') ? 'failed' : kill < Infinity ? 'terminated' : 'succeeded',
  };
}

// The last times printed, by second: an environment starts when its first step does and ends
// when its last one does, and a release ends with its last environment, so most times come twice.
// One string for each keeps a history's memory down.
const printed: Array<[number, string] | undefined> = [];
export const iso = (ms: number): string => {
  const slot = Math.floor(ms / 1000) & 63;
  const last = printed[slot];
  if (last?.[0] === ms) return last[1];
  const text = new Date(ms).toISOString();
  printed[slot] = [ms, text];
  return text;
};
const version = (n: number) => `${1 + ((n / 400) | 0)}.${(n >> 3) % 50}.${n & 7}`;

/** The parts of a release that do not change while it runs, rebuilt per snapshot from their own seed. */
function meta(p: Plan, created: number, seed: number, n: number) {
  const r = rng(seed ^ 0x5bd1e995);
  const v = version(n);
  const commit = (repo: string, sha = r.hex(40)) => ({
    sha,
    message: phrase(r),
    author: person(r),
    date: iso(created - r.int(2, 90) * MIN),
    repoUrl: `https://github.com/acme/${repo}`,
    branch: 'main',
    url: `https://github.com/acme/${repo}/commit/${sha}`,
  });
  const many = <T>(make: () => T) => Array.from({ length: r.int(2, 3) }, make);
  const app = () => r.pick(p.pool);
  return {
    id: r.hex(24),
    v,
    prev: version(n - 1),
    prevSha: r.hex(40),
    commit: commit(`${p.o.product}-gitops`),
    pr: r.int(100, 999),
    hook: r.suffix(),
    notes: !p.o.light && {
      images: p.pool.map((application) => {
        const repository = `ghcr.io/acme/${application}`;
        const digest = `sha256:${r.hex(64)}`;
        return { reference: `${repository}:${v}@${digest}`, repository, tag: v, digest, application };
      }),
      // The real product's notes repeat an issue once per change that mentions it: so do these.
      issues: ((list) => [...list, ...list.slice(0, 1).map((issue) => ({ ...issue, assignee: { ...issue.assignee } }))])(
        many(() => {
          const key = `${r.pick(['PAY', 'CHK', 'OPS'])}-${r.int(1000, 9999)}`;
          // The application is not drawn from the generator, so every other value stays as it was.
          const application = p.pool[key.charCodeAt(key.length - 1) % p.pool.length];
          return { key, title: phrase(r), url: `https://acme.atlassian.net/browse/${key}`, assignee: person(r), application };
        }),
      ),
      pullRequests: many(() => {
        const application = app();
        const repo = `acme/${application}`;
        const id = String(r.int(100, 999));
        const url = `https://github.com/${repo}/pull/${id}`;
        return { id, title: phrase(r), url, author: person(r), state: 'merged' as const, repo, application };
      }),
      commits: many(() => {
        const application = app();
        return { ...commit(application), application };
      }),
    },
  };
}

function renderEnv(p: Plan, e: EnvPlan, T: number, created: number, m: ReturnType<typeof meta>): EnvironmentStep {
  const { f, apps, S, E, fail, pr, sync } = e;
  const t = Math.min(T, E);
  const done = T >= E;
  const current = e.segs.find((g) => S + g.e > t);
  const status: Status =
    T < S ? 'pending' : done ? e.out : pr && current === pr && t >= S + pr.s ? 'suspended' : 'running';
  const [ns, links] = (e.names ??= [
    `${p.o.product}-${f.name}`,
    apps.map((name) => `https://argocd.acme.dev/applications/argocd/${name}`),
  ]);
  const stamp = (ms: number) => iso(created + S + ms);
  const step = (g: Segment): WorkflowStep => {
    const own: Status =
      t < S + g.s ? 'pending' : t < S + g.e ? (done ? 'terminated' : 'running') : g === fail ? 'failed' : 'succeeded';
    const names = (g.names ??= apps.map((_, i) => {
      const workflow = runName(g, i);
      return [workflow, `https://argo-workflows.acme.dev/workflows/${ns}/${workflow}`];
    }));
    // One failing application fails the step; the other applications' runs passed.
    const runs = apps.map((application, i) => ({
      application,
      workflow: names[i]![0],
      status: own === 'failed' && i ? ('succeeded' as const) : own,
      url: names[i]![1],
    }));
    return {
      name: g.name,
      status: aggregateStatus(runs.map((x) => x.status)),
      ...(own !== 'pending' && { startedAt: stamp(g.s) }),
      ...(own !== 'pending' && own !== 'running' && { finishedAt: stamp(Math.min(g.e, t - S)) }),
      runs,
    };
  };
  // Filtered and mapped, not pushed: a pushed array keeps room for 16 more, which 100,000 releases pay for.
  const list = (k: number) => e.segs.filter((g) => g.k === k).map(step);
  const workflows: EnvironmentStep['workflows'] =
    !p.o.light || (p.o.steps && (f.kind === 'production' || fail))
      ? { trigger: list(0), preAction: list(1), postAction: list(4) }
      : { trigger: [], preAction: [], postAction: [] };
  const moved = t >= S + sync.s;
  const applications = apps.map((name, i): ApplicationState => {
    const settled = t >= S + (e.ready[i] ?? 0);
    return {
      name,
      namespace: ns,
      version: moved ? m.v : m.prev,
      commitSha: moved ? m.commit.sha : m.prevSha,
      sync: moved && !settled ? 'syncing' : 'synced',
      health: moved && !settled ? 'progressing' : fail === sync && !i && settled ? 'degraded' : 'healthy',
      promotion: status !== 'failed' ? status : !i ? 'failed' : settled ? 'succeeded' : 'pending',
      url: links[i]!,
    };
  });
  const application = apps[0] ?? '';
  const workflow = fail ? runName(fail, 0) : '';
  const issues: Issue[] =
    status !== 'failed'
      ? []
      : fail === sync
        ? [
            {
              kind: 'application',
              level: 'error',
              message: `Application ${application} is Degraded: Deployment exceeded its progress deadline`,
              application,
            },
            {
              kind: 'git',
              level: 'warning',
              message: `Commit ${m.commit.sha.slice(0, 7)} is not the latest revision synced to the cluster`,
            },
          ]
        : [{ kind: 'workflow', level: 'error', message: `Workflow ${workflow} failed: exit code 1`, application, workflow }];
  for (const issue of issues) issue.at = iso(created + E);
  return {
    name: f.name,
    ...(f.kind && { kind: f.kind }),
    ...(f.group !== undefined && { group: f.group }),
    dependsOn: [...f.dependsOn],
    status,
    statusText:
      status === 'pending'
        ? 'Pending Execution'
        : status === 'succeeded'
          ? 'Completed Successfully'
          : done || !current
            ? STATUS_LABELS[status]
            : TEXT[current.k],
    ...(status !== 'pending' && { startedAt: stamp(0) }),
    ...(done && { finishedAt: stamp(E - S) }),
    workflows,
    applications,
    issues,
    ...(pr &&
      t >= S + pr.s && {
        pullRequest: {
          id: String(m.pr),
          title: `Promote ${p.o.product} ${m.v} to ${f.name}`,
          url: `https://github.com/acme/${p.o.product}-gitops/pull/${m.pr}`,
          author: { name: 'promotion-bot' },
          state: t < S + pr.e ? 'open' : 'merged',
          repo: `acme/${p.o.product}-gitops`,
        },
      }),
  };
}

/**
 * What decides how an environment looks at `T`: equal keys at two moments of one simulation mean
 * equal environments. Each count only grows with time, so their sum changes whenever one does.
 * A light environment lists no workflow steps, so only the kind of the current one (its subtitle)
 * counts there, not every step's start and end.
 */
function envKey(p: Plan, e: EnvPlan, T: number): string {
  if (T < e.S) return '';
  const x = Math.min(T, e.E) - e.S;
  const past = (ms: number) => (x >= ms ? 1 : 0);
  let n = past(e.sync.s) + (e.pr ? past(e.pr.s) + past(e.pr.e) : 0);
  for (const ms of e.ready) n += past(ms);
  if (!p.o.light) for (const g of e.segs) n += past(g.s) + past(g.e);
  return `${T >= e.E ? 'd' : 'r'}${p.o.light ? (e.segs.find((g) => g.e > x)?.k ?? '') : ''}:${n}`;
}

/**
 * What successive snapshots of one simulation share: the release's fixed parts and each
 * environment as last rendered, with the key it was rendered at.
 */
export interface RenderCache {
  m?: ReturnType<typeof meta>;
  envs: Map<EnvPlan, [string, EnvironmentStep]>;
}

/**
 * The release as it stands `T` ms after its creation (negative: still queued). `seed` and `n` let
 * one plan serve many releases of a history, each with its own id, commit and version. With a
 * `cache`, an environment that looks as it did in the previous snapshot is that same object.
 */
export function render(
  p: Plan,
  T: number,
  created: number,
  forced?: Status,
  seed = p.o.seed,
  n = p.o.n ?? 200 + (seed & 127),
  cache?: RenderCache,
): Release {
  const m = cache ? (cache.m ??= meta(p, created, seed, n)) : meta(p, created, seed, n);
  const environments = p.envs.map((e) => {
    if (!cache) return renderEnv(p, e, T, created, m);
    const key = envKey(p, e, T);
    const last = cache.envs.get(e);
    if (last?.[0] === key) return last[1];
    const env = renderEnv(p, e, T, created, m);
    cache.envs.set(e, [key, env]);
    return env;
  });
  const done = T >= p.end;
  const has = (status: Status) => environments.some((e) => e.status === status);
  const status: Status =
    forced ?? (T < 0 ? 'queued' : done ? p.final : has('suspended') && !has('running') ? 'suspended' : 'running');
  const failed = environments.find((e) => e.status === 'failed');
  const product = p.o.product;
  const reason =
    status === 'queued'
      ? `Queued behind a running release of ${product}`
      : status === 'suspended' && `Waiting for pull request #${m.pr} to be merged`;
  return {
    id: m.id,
    product,
    name: `${product} ${m.v}`,
    version: m.v,
    flow: p.o.manual ? null : { name: p.flow.name },
    status,
    ...(reason && { statusReason: reason }),
    ...(done &&
      p.final !== 'succeeded' && {
        error: failed
          ? {
              code: 'STEP_FAILED',
              message:
                `Release failed: ${failed.name} environment for the application ` +
                `${failed.applications[0]?.name} failed (${failed.issues[0]?.message})`,
            }
          : { code: 'RELEASE_TERMINATED', message: 'Product release was terminated by user' },
      }),
    trigger: { kind: p.o.manual ? 'manual' : 'git-commit', environment: p.flow.trigger, commit: m.commit },
    // The committer started it; a copy, so no object appears twice in one tree.
    initiator: { ...m.commit.author },
    createdAt: iso(created),
    updatedAt: iso(created + Math.min(Math.max(T, 0), p.end)),
    ...(done && { finishedAt: iso(created + p.end) }),
    environments,
    ...(m.notes && { notes: m.notes }),
    hooks: [
      { event: 'on-start', workflow: `on-start-${m.hook}`, status: T < 0 ? 'pending' : 'succeeded' },
      ...(done
        ? [
            {
              event: p.final === 'succeeded' ? ('on-success' as const) : ('on-failure' as const),
              workflow: `on-end-${m.hook}`,
              status: 'succeeded' as const,
            },
          ]
        : []),
    ],
    source: { system: 'sample', status: status.toUpperCase() },
  };
}
