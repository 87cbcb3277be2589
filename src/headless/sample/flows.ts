import type { FlowEnvironment, PromotionFlow } from '../model/types';
import { rng, type Rng } from './rng';

export const SAMPLE_FLOW_SHAPES = ['sequential', 'parallel', 'regions', 'large', 'huge', 'manual'] as const;
export type SampleFlowShape = (typeof SAMPLE_FLOW_SHAPES)[number];

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

/** A flow of one environment: what a manual promotion of that environment runs. */
export const manualFlow = (env: FlowEnvironment): PromotionFlow => ({
  name: 'manual',
  trigger: env.name,
  environments: [{ ...env, dependsOn: [] }],
});

/**
 * A sample promotion flow. `large` (40 environments) and `huge` (300) are generated from `seed`;
 * the others are fixed.
 */
export function sampleFlow(shape: SampleFlowShape, seed = 1): PromotionFlow {
  // An own key only: an unknown shape (`constructor` from untyped options too) is the large flow.
  const spec = Object.hasOwn(SPECS, shape) ? SPECS[shape] : undefined;
  const environments = spec
    ? spec.split(' ').map((entry) => {
        const [name = '', deps] = entry.split(':');
        return environment(name, deps?.split(','));
      })
    : shape === 'huge'
      ? fleet(300, 6, rng(seed))
      : fleet(40, 3, rng(seed));
  return { name: shape === 'manual' ? 'manual' : `${shape}-flow`, trigger: environments[0]?.name ?? '', environments };
}
