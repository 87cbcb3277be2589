import { ReleaseDataError } from '../adapters/errors';
import type { FlowEnvironment, PromotionFlow } from '../model/types';
import { rng, type Rng } from './rng';

/**
 * Every flow shape the samples generate. `fleet` and `tenants` (also in `SAMPLE_FLEET_SHAPES`)
 * have thousands of environments: leave them out of anything that draws every shape flat.
 */
export const SAMPLE_FLOW_SHAPES = ['sequential', 'parallel', 'regions', 'large', 'huge', 'manual', 'fleet', 'tenants'] as const;
/** A sample flow's shape: one of `SAMPLE_FLOW_SHAPES`. */
export type SampleFlowShape = (typeof SAMPLE_FLOW_SHAPES)[number];
/**
 * The fleet-scale shapes, whose environments carry a `group`: `fleet` (stores in gated waves:
 * `dev`, `staging`, a canary of 10 stores, then waves of 5 %, 25 % and the rest of the stores, each
 * opened by an `approve-wave-N` gate) and `tenants` (every tenant in three cells, one after another).
 */
export const SAMPLE_FLEET_SHAPES = ['fleet', 'tenants'] as const;
/** `fleet` or `tenants`: a shape of `SAMPLE_FLEET_SHAPES`. */
export type SampleFleetShape = (typeof SAMPLE_FLEET_SHAPES)[number];

export const isFleetShape = (shape: string): shape is SampleFleetShape => shape === 'fleet' || shape === 'tenants';

// `name:dep,dep` per environment: shorter in the bundle than the literal objects.
const SPECS: Partial<Record<SampleFlowShape, string>> = {
  sequential: 'dev qa:dev staging:qa production:staging',
  parallel: 'dev qa:dev staging:dev production:qa,staging',
  regions: 'dev staging:dev production:staging prod-eu:production prod-us:production prod-asia:production',
  manual: 'production',
};
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-south-1', 'ap-northeast-1'];
const STAGES = ['qa', 'stage', 'canary'];

const environment = (name: string, dependsOn: string[] = []): FlowEnvironment => ({
  name,
  dependsOn,
  kind: /(^|-)prod/.test(name) ? 'production' : 'non-production',
});

/**
 * A fleet the way large flows are drawn: dev fans out to qa and staging, which fan in to
 * preprod; then one branch per region, each a rollout in waves (stage, canary, then production
 * clusters) where an environment follows a recent one of its own region, and now and then waits
 * for two (a fan-in). Valid by construction: one root, every dependency earlier.
 */
function fleet(count: number, regions: number, r: Rng): FlowEnvironment[] {
  const envs = 'dev qa:dev staging:dev preprod:qa,staging'.split(' ').map((entry) => {
    const [name = '', deps] = entry.split(':');
    return environment(name, deps?.split(','));
  });
  const branches: string[][] = Array.from({ length: regions }, () => []);
  const perRegion = (count - envs.length) / regions;
  for (let i = 0; envs.length < count; i++) {
    const branch = branches[i % regions]!;
    const recent = branch.slice(-3);
    const deps = new Set(recent.length ? [r.pick(recent)] : ['preprod']);
    if (recent.length > 1 && r.next() < 0.2) deps.add(r.pick(recent));
    const progress = branch.length / perRegion;
    const stage = STAGES[Math.min(2, Math.floor(progress * 5))] ?? 'canary';
    const env = environment(`${REGIONS[i % regions]}-${progress < 0.6 ? stage : 'prod'}-${String(envs.length).padStart(2, '0')}`, [...deps]);
    envs.push(env);
    branch.push(env.name);
  }
  return envs;
}

// Twelve cloud regions, dealt to stores in turn.
const FLEET_REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'us-east-2',
  'ca-central-1',
  'sa-east-1',
  'eu-north-1',
  'ap-south-1',
  'ap-southeast-1',
];
const CANARY = 10;
const MAX_SIZE = 100_000;

/**
 * `size` as the number of stores (fleet) or tenants (tenants): a whole number in range, else a
 * ReleaseDataError naming it.
 */
export function fleetSize(shape: SampleFleetShape, size: unknown): number {
  const fleet = shape === 'fleet';
  const value = size ?? (fleet ? 2000 : 400);
  const min = fleet ? 16 : 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_SIZE) {
    throw new ReleaseDataError(
      fleet ? 'A fleet needs a canary of 10 stores and at least one store in each wave' : 'A sample of tenants needs at least one',
      '$.size',
      size,
      `a whole number from ${min} to ${MAX_SIZE}`,
    );
  }
  return value;
}

/**
 * Stores rolled out in gated waves: dev, staging, a canary of 10 stores, then waves of 5 %, 25 % and
 * the rest of the stores. Each wave opens with one approval (`approve-wave-N`) that waits for every
 * store of the wave before; every store of a wave waits for that gate alone, so a wave is
 * structurally one group as well as carrying `group: '<wave>/<region>'`.
 */
function stores(size: number): FlowEnvironment[] {
  const part = (share: number) => Math.max(1, Math.round((size * share) / 100));
  const [one, two] = [part(5), part(25)];
  const waves: Array<[string, number]> = [
    ['canary', CANARY],
    ['wave-1', one],
    ['wave-2', two],
    ['wave-3', size - CANARY - one - two],
  ];
  const digits = Math.max(4, String(size).length);
  const envs: FlowEnvironment[] = [
    { name: 'dev', dependsOn: [], kind: 'non-production' },
    { name: 'staging', dependsOn: ['dev'], kind: 'non-production' },
  ];
  let before = ['staging'];
  let n = 0;
  for (const [wave, count] of waves) {
    if (wave !== 'canary') {
      const gate = `approve-${wave}`;
      envs.push({ name: gate, dependsOn: before, kind: 'non-production' });
      before = [gate];
    }
    const members: string[] = [];
    for (let i = 0; i < count; i++, n++) {
      const region = FLEET_REGIONS[n % FLEET_REGIONS.length]!;
      const name = `store-${String(n + 1).padStart(digits, '0')}-${region}`;
      envs.push({ name, dependsOn: [...before], kind: 'production', group: `${wave}/${region}` });
      members.push(name);
    }
    before = members;
  }
  return envs;
}

const TIERS = ['free', 'team', 'enterprise'];

/**
 * Tenants rolled out cell by cell: each tenant's environment in cell N waits for that tenant's in
 * cell N-1 (cell 1 for staging), so the members of a group (`cell-2/team`) each wait for a
 * different environment and are grouped by their `group` alone. Tiers are dealt from the seed:
 * about 60 % free, 30 % team, 10 % enterprise.
 */
function tenants(count: number, r: Rng): FlowEnvironment[] {
  const ids = Array.from({ length: count }, (_, i) => {
    const x = r.next();
    return [`tenant-${String(i + 1).padStart(Math.max(4, String(count).length), '0')}`, TIERS[x < 0.6 ? 0 : x < 0.9 ? 1 : 2]!] as const;
  });
  const envs: FlowEnvironment[] = [
    { name: 'dev', dependsOn: [], kind: 'non-production' },
    { name: 'staging', dependsOn: ['dev'], kind: 'non-production' },
  ];
  for (let cell = 1; cell <= 3; cell++) {
    for (const [id, tier] of ids) {
      envs.push({
        name: `${id}-cell-${cell}`,
        dependsOn: [cell > 1 ? `${id}-cell-${cell - 1}` : 'staging'],
        kind: 'production',
        group: `cell-${cell}/${tier}`,
      });
    }
  }
  return envs;
}

/** A flow of one environment: what a manual promotion of that environment runs. */
export const manualFlow = (env: FlowEnvironment): PromotionFlow => ({
  name: 'manual',
  trigger: env.name,
  environments: [{ ...env, dependsOn: [] }],
});

/**
 * A sample promotion flow. `large` (40 environments) and `huge` (300) are generated from `seed`;
 * `fleet` has `size` stores (default 2,000; 16 to 100,000) in gated waves and is the same for every
 * seed; `tenants` has `size` tenants (default 400) in three cells, their tiers dealt from `seed`.
 * The others are fixed, and ignore `size`. A size out of range raises `ReleaseDataError`.
 */
export function sampleFlow(shape: SampleFlowShape, seed = 1, size?: number): PromotionFlow {
  // An own key only: an unknown shape (`constructor` from untyped options too) is the large flow.
  const spec = Object.hasOwn(SPECS, shape) ? SPECS[shape] : undefined;
  const environments = isFleetShape(shape)
    ? shape === 'fleet'
      ? stores(fleetSize(shape, size))
      : tenants(fleetSize(shape, size), rng(seed))
    : spec
    ? spec.split(' ').map((entry) => {
        const [name = '', deps] = entry.split(':');
        return environment(name, deps?.split(','));
      })
    : shape === 'huge'
      ? fleet(300, 6, rng(seed))
      : fleet(40, 3, rng(seed));
  return { name: shape === 'manual' ? 'manual' : `${shape}-flow`, trigger: environments[0]?.name ?? '', environments };
}
