import { describe, expect, it } from 'vitest';
import {
  AGGREGATION_PRIORITY,
  STATUSES,
  aggregateStatus,
  countByStatusGroup,
  fromArgoWorkflowPhase,
  fromCodefreshApplicationPromotionStatus,
  fromCodefreshEnvironmentStatus,
  fromCodefreshReleaseStatus,
  fromGitHubDeploymentState,
  fromHealthStatus,
  fromKargoHealthState,
  fromKargoPromotionPhase,
  fromSyncStatus,
  isProblemStatus,
  isTerminalStatus,
  statusGroup,
  type Status,
} from '../../src/headless';

// The sources' own words, copied from their schemas: Codefresh promotion-orchestrator
// (ProductReleaseStatus, ProductReleaseStepStatus, WorkflowNodePhases, ExtendedWorkflowPhases,
// SyncStatus, HealthStatus), Kargo api/v1alpha1 (PromotionPhase, HealthState), Argo CD
// (SyncStatusCode, HealthStatusCode) and GitHub's deployment status states.
const cases: Array<[string, (raw: unknown) => { status: string; raw: string | undefined }, Record<string, string>]> = [
  [
    'Codefresh release',
    fromCodefreshReleaseStatus,
    {
      QUEUED: 'queued',
      PENDING: 'pending',
      INITIALIZING: 'running',
      RUNNING: 'running',
      SUSPENDED: 'suspended',
      FINALIZING: 'running',
      FINALIZING_TERMINATION: 'terminating',
      SUCCEEDED: 'succeeded',
      FAILED: 'failed',
      TERMINATING: 'terminating',
      TERMINATED: 'terminated',
    },
  ],
  [
    'Codefresh environment step',
    fromCodefreshEnvironmentStatus,
    {
      PENDING: 'pending',
      QUEUED: 'queued',
      INITIALIZING: 'running',
      RUNNING: 'running',
      SUSPENDED: 'suspended',
      FINALIZING: 'running',
      FINALIZING_TERMINATION: 'terminating',
      SUCCEEDED: 'succeeded',
      FAILED: 'failed',
      TERMINATING: 'terminating',
      TERMINATED: 'terminated',
      SKIPPED: 'skipped',
    },
  ],
  [
    'Argo Workflows node phase',
    fromArgoWorkflowPhase,
    {
      Pending: 'pending',
      Running: 'running',
      Succeeded: 'succeeded',
      Skipped: 'skipped',
      Failed: 'failed',
      Error: 'error',
      Omitted: 'skipped',
    },
  ],
  [
    'Codefresh application promotion',
    fromCodefreshApplicationPromotionStatus,
    {
      ELECTED: 'pending',
      PENDING: 'pending',
      INITIALIZING: 'running',
      RUNNING: 'running',
      SUSPENDED: 'suspended',
      SUCCEEDED: 'succeeded',
      FAILED: 'failed',
      ERROR: 'error',
      SKIPPED: 'skipped',
      TERMINATING: 'terminating',
      TERMINATED: 'terminated',
    },
  ],
  [
    'application sync (Argo CD and Codefresh)',
    fromSyncStatus,
    {
      Synced: 'synced',
      OutOfSync: 'out-of-sync',
      Unknown: 'unknown',
      SYNCED: 'synced',
      OUT_OF_SYNC: 'out-of-sync',
      SYNCING: 'syncing',
      UNKNOWN: 'unknown',
    },
  ],
  [
    'application health (Argo CD and Codefresh)',
    fromHealthStatus,
    {
      Healthy: 'healthy',
      Progressing: 'progressing',
      Degraded: 'degraded',
      Suspended: 'suspended',
      Missing: 'missing',
      Unknown: 'unknown',
      HEALTHY: 'healthy',
      PROGRESSING: 'progressing',
      DEGRADED: 'degraded',
      SUSPENDED: 'suspended',
      MISSING: 'missing',
      UNKNOWN: 'unknown',
      TERMINATED: 'terminated',
    },
  ],
  [
    'Kargo promotion phase',
    fromKargoPromotionPhase,
    { Pending: 'queued', Running: 'running', Succeeded: 'succeeded', Failed: 'failed', Errored: 'error', Aborted: 'terminated' },
  ],
  [
    'Kargo stage health',
    fromKargoHealthState,
    { Healthy: 'healthy', Unhealthy: 'degraded', Progressing: 'progressing', Unknown: 'unknown', NotApplicable: 'unknown' },
  ],
  [
    'GitHub deployment state',
    fromGitHubDeploymentState,
    {
      error: 'error',
      failure: 'failed',
      inactive: 'succeeded',
      in_progress: 'running',
      queued: 'queued',
      pending: 'pending',
      success: 'succeeded',
    },
  ],
];

describe.each(cases)('%s statuses', (_name, map, table) => {
  it.each(Object.entries(table))('maps %s to %s and keeps the raw word', (raw, expected) => {
    expect(map(raw)).toEqual({ status: expected, raw });
  });

  it('maps an unknown word to unknown and keeps it', () => {
    expect(map('DEPLOYED_TO_MARS')).toEqual({ status: 'unknown', raw: 'DEPLOYED_TO_MARS' });
  });

  it('does not match a different case or an inherited property name', () => {
    expect(map('toString').status).toBe('unknown');
    expect(map('__proto__').status).toBe('unknown');
  });

  it('treats a value that is not a string as unknown, without a raw word', () => {
    expect(map(42)).toEqual({ status: 'unknown', raw: undefined });
    expect(map(null)).toEqual({ status: 'unknown', raw: undefined });
  });
});

describe('aggregateStatus', () => {
  it('lists every status exactly once in its priority', () => {
    expect([...AGGREGATION_PRIORITY].sort()).toEqual([...STATUSES].sort());
  });

  it.each<[Status[], Status]>([
    [['succeeded', 'running', 'succeeded'], 'running'],
    [['running', 'failed'], 'failed'],
    [['failed', 'error'], 'error'],
    [['succeeded', 'skipped'], 'succeeded'],
    [['skipped', 'skipped'], 'skipped'],
    [['succeeded', 'unknown'], 'unknown'],
    [['succeeded', 'pending'], 'pending'],
    [['pending', 'running'], 'running'],
    [['suspended', 'succeeded'], 'suspended'],
    [['terminated', 'running'], 'terminated'],
    [['queued', 'pending'], 'pending'],
  ])('%j is %s', (statuses, expected) => {
    expect(aggregateStatus(statuses)).toBe(expected);
  });

  it('is unknown for an empty list, never a silent success', () => {
    expect(aggregateStatus([])).toBe('unknown');
  });

  it('counts a value outside the vocabulary as unknown', () => {
    expect(aggregateStatus(['succeeded', 'exploded' as Status])).toBe('unknown');
  });

  it('does not depend on the order of its input', () => {
    const statuses: Status[] = ['succeeded', 'skipped', 'pending', 'running', 'queued'];
    expect(aggregateStatus(statuses)).toBe(aggregateStatus([...statuses].reverse()));
  });
});

describe('countByStatusGroup', () => {
  it('counts environments the way the release header shows them', () => {
    const environments = (
      ['succeeded', 'succeeded', 'running', 'suspended', 'failed', 'error', 'pending', 'queued', 'terminated', 'skipped'] as Status[]
    ).map((status) => ({ status }));
    expect(countByStatusGroup(environments)).toEqual({
      succeeded: 2,
      running: 2,
      failed: 2,
      pending: 2,
      terminated: 1,
      skipped: 1,
      total: 10,
    });
  });

  it('puts every status in a group', () => {
    for (const status of STATUSES) expect(statusGroup(status)).toBeTypeOf('string');
  });
});

describe('isTerminalStatus', () => {
  it('knows which statuses are final', () => {
    expect(STATUSES.filter(isTerminalStatus).sort()).toEqual(['error', 'failed', 'skipped', 'succeeded', 'terminated']);
  });
});

describe('isProblemStatus', () => {
  it('knows which statuses ended badly (one set for the adapters and the commit statuses)', () => {
    expect(STATUSES.filter(isProblemStatus).sort()).toEqual(['error', 'failed', 'terminated']);
  });
});
