import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGGREGATION_PRIORITY,
  DEFAULT_TABLE_STATE,
  MANUAL_FLOW,
  ReleaseDataError,
  SAMPLE_STATES,
  SORT_KEYS,
  STATUSES,
  buildReleaseRows,
  environmentOrder,
  filterReleaseRows,
  fromSearchParams,
  hasActiveFilters,
  isReleaseDataError,
  queryReleaseRows,
  releaseColumns,
  rowDuration,
  sampleRelease,
  sampleReleaseHistory,
  sortReleaseRows,
  toSearchParams,
  toSearchString,
  validDay,
  type EnvironmentStep,
  type Release,
  type ReleaseFilters,
  type ReleaseRow,
  type ReleaseSort,
  type ReleaseSortKey,
  type ReleasesTableState,
  type Status,
} from '../../src/headless';
import { naturalKey, rowSearchText, rowVersionKey } from '../../src/headless/table/rows';
import { environment } from '../fixtures/release';

// ---------------------------------------------------------------------------------------------
// Fixtures

let lastId = 0;

/** A minimal release: tests set only what they are about. */
function release(overrides: Partial<Release> = {}): Release {
  return {
    id: `r-${++lastId}`,
    product: 'checkout',
    flow: { name: 'default' },
    status: 'succeeded',
    trigger: { kind: 'git-commit', environment: 'dev' },
    createdAt: '2026-11-20T10:00:00Z',
    environments: [environment('dev')],
    ...overrides,
  };
}

const withCommit = (sha: string, message?: string): Release['trigger'] => ({
  kind: 'git-commit',
  environment: 'dev',
  commit: { sha, ...(message !== undefined && { message }) },
});

const ids = (rows: readonly ReleaseRow[]) => rows.map((row) => row.id);
const envColumns = (rows: readonly ReleaseRow[], options?: { environmentOrder?: readonly string[] }) =>
  releaseColumns(rows, options)
    .filter((column) => column.kind === 'environment')
    .map((column) => column.id);

/** The error `run` throws (fails the test when it throws none). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function expectDataError(run: () => unknown, path: string) {
  const error = thrown(run);
  expect(error).toBeInstanceOf(ReleaseDataError);
  expect(isReleaseDataError(error)).toBe(true);
  expect((error as ReleaseDataError).path).toBe(path);
  return error as ReleaseDataError;
}

const HISTORY = sampleReleaseHistory({ count: 50, shape: 'regions' });
const HISTORY_ROWS = buildReleaseRows(HISTORY);
const HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------

describe('buildReleaseRows', () => {
  it('flattens a sample history, one row per release in the order given', () => {
    expect(HISTORY_ROWS).toHaveLength(50);
    HISTORY_ROWS.forEach((row, index) => {
      const source = HISTORY[index]!;
      expect(row.release).toBe(source);
      expect(row.index).toBe(index);
      expect(row.id).toBe(source.id);
      expect(row.status).toBe(source.status);
      expect(row.created).toBe(Date.parse(source.createdAt));
      expect(row.initiator).toBe(source.initiator?.name);
      expect(row.version).toBe(source.version);
      expect(row.flow).toBe(source.flow?.name ?? null);
      const commit = source.trigger.commit!;
      expect(row.commit).toEqual({ sha: commit.sha, shortSha: commit.sha.slice(0, 7), title: commit.message!.split('\n')[0] });
      expect([...row.environments]).toEqual(source.environments.map((step) => [step.name, step.status]));
      expect(row.statusRank).toBe(AGGREGATION_PRIORITY.indexOf(row.status));
      // Finished releases have an end; the running and the queued one do not.
      if (row.status === 'running' || row.status === 'queued') expect(row.finished).toBeUndefined();
      else expect(row.finished).toBe(Date.parse(source.finishedAt!));
    });
    // The history has a bit of everything the table must show.
    const statuses = new Set(HISTORY_ROWS.map((row) => row.status));
    for (const status of ['running', 'queued', 'succeeded', 'failed', 'terminated'] as const) expect(statuses).toContain(status);
    expect(HISTORY_ROWS.some((row) => row.flow === null)).toBe(true);
    expect(HISTORY_ROWS.some((row) => row.flow === 'regions-flow')).toBe(true);
  });

  it('builds nothing from nothing', () => expect(buildReleaseRows([])).toEqual([]));

  it.each(SAMPLE_STATES)('reads a complete sample release in state %s', (state) => {
    const source = sampleRelease({ state, shape: 'parallel' });
    const [row] = buildReleaseRows([source]);
    expect(row!.status).toBe(source.status);
    expect(row!.version).toBe(source.version);
    expect(row!.initiator).toBe(source.initiator!.name);
    expect([...row!.environments.keys()]).toEqual(['dev', 'qa', 'staging', 'production']);
    if (state === 'failed' || state === 'terminated') {
      expect(row!.reason).toBe(source.error!.message);
      expect(row!.reason).toBeTruthy();
    } else {
      // A queued or suspended release has a statusReason, but it did not stop: no reason.
      expect(row!.reason).toBeUndefined();
    }
  });

  it.each(['SUCCEEDED', 'done', 'Failed', '', undefined, null, 42])('reads the status word %j as unknown', (word) => {
    const [row] = buildReleaseRows([
      release({ status: word as Status, environments: [environment('dev', [], { status: word as Status })] }),
    ]);
    expect(row!.status).toBe('unknown');
    expect(row!.environments.get('dev')).toBe('unknown');
    expect(row!.statusRank).toBe(AGGREGATION_PRIORITY.indexOf('unknown'));
  });

  it('keeps every status of the vocabulary as it is', () => {
    const rows = buildReleaseRows(STATUSES.map((status) => release({ status })));
    expect(rows.map((row) => row.status)).toEqual(STATUSES);
  });

  it('shows missing optional fields as empty', () => {
    const [row] = buildReleaseRows([release({ trigger: { kind: 'manual', environment: 'dev' } })]);
    expect(row!.initiator).toBe('');
    expect(row!.version).toBe('');
    expect(row!.commit).toEqual({ sha: undefined, shortSha: undefined, title: undefined });
    expect(row!.reason).toBeUndefined();
    // Nothing missing leaks into the searchable text as "undefined" or "null".
    expect(filterReleaseRows([row!], { query: 'undefined' })).toEqual([]);
    expect(filterReleaseRows([row!], { query: 'null' })).toEqual([]);
  });

  it('treats fields of the wrong type as missing', () => {
    const [row] = buildReleaseRows([
      release({
        version: 7 as unknown as string,
        initiator: { name: null as unknown as string },
        trigger: { kind: 'git-commit', environment: 'dev', commit: { sha: 123 as unknown as string, message: {} as string } },
        createdAt: 'yesterday',
        flow: { name: undefined as unknown as string },
      }),
    ]);
    expect(row!.version).toBe('');
    expect(row!.initiator).toBe('');
    expect(row!.commit).toEqual({ sha: undefined, shortSha: undefined, title: undefined });
    expect(row!.created).toBeUndefined();
    expect(row!.flow).toBeNull();
  });

  it('uses the first line of the commit message as its title', () => {
    const [row] = buildReleaseRows([release({ trigger: withCommit('ABCDEF1234567890', '  Fix card retries  \r\n\nLonger body') })]);
    expect(row!.commit).toEqual({ sha: 'ABCDEF1234567890', shortSha: 'ABCDEF1', title: 'Fix card retries' });
  });

  describe('reason', () => {
    const error = { code: 'STEP_FAILED', message: 'qa failed' };
    it.each([
      ['failed', { statusReason: 'Tests failed in qa', error }, 'Tests failed in qa'],
      ['failed', { error }, 'qa failed'],
      ['failed', { statusReason: '', error }, 'qa failed'],
      ['failed', {}, undefined],
      ['terminated', { statusReason: 'Stopped by Ada' }, 'Stopped by Ada'],
      ['terminated', { error: { message: 'Product release was terminated by user' } }, 'Product release was terminated by user'],
      ['error', { error: { message: 'Flow error' } }, 'Flow error'],
      ['succeeded', { statusReason: 'All good', error }, undefined],
      ['running', { statusReason: 'Waiting for sync' }, undefined],
    ] as const)('of a %s release with %j is %j', (status, fields, expected) => {
      const [row] = buildReleaseRows([release({ status, ...fields })]);
      expect(row!.reason).toBe(expected);
    });
  });

  describe('data it cannot show', () => {
    it('rejects what is not an array at $', () => {
      for (const value of [null, undefined, {}, 'releases', { length: 1, 0: release() }]) {
        expectDataError(() => buildReleaseRows(value as unknown as Release[]), '$');
      }
    });

    it('names a null release', () => {
      const error = expectDataError(() => buildReleaseRows([release(), null as unknown as Release]), '$[1]');
      expect(error.value).toBeNull();
    });

    it('names a release that is not an object', () => {
      expectDataError(() => buildReleaseRows([release(), release(), 'r-3' as unknown as Release]), '$[2]');
    });

    it.each([undefined, '', 42])('names a release whose id is %j', (id) => {
      expectDataError(() => buildReleaseRows([release({ id: id as unknown as string })]), '$[0].id');
    });

    it('names the second of two releases with the same id', () => {
      const error = expectDataError(
        () => buildReleaseRows([release({ id: 'a' }), release({ id: 'b' }), release({ id: 'a' })]),
        '$[2].id',
      );
      expect(error.value).toBe('a');
    });

    it('names environments that are not an array', () => {
      const bad = release({ environments: { dev: {} } as unknown as EnvironmentStep[] });
      expectDataError(() => buildReleaseRows([release(), release(), bad]), '$[2].environments');
      expectDataError(() => buildReleaseRows([release({ environments: undefined as unknown as EnvironmentStep[] })]), '$[0].environments');
    });

    it('names an environment without a name', () => {
      const nameless = { ...environment('qa'), name: undefined as unknown as string };
      expectDataError(() => buildReleaseRows([release({ environments: [environment('dev'), nameless] })]), '$[0].environments[1].name');
      expectDataError(
        () => buildReleaseRows([release({ environments: [environment('dev'), environment('')] })]),
        '$[0].environments[1].name',
      );
      expectDataError(
        () => buildReleaseRows([release(), release({ environments: [null as unknown as EnvironmentStep] })]),
        '$[1].environments[0].name',
      );
    });
  });
});

describe('rowDuration', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');

  it('is from creation to the end of a finished release', () => {
    const [row] = buildReleaseRows([release({ createdAt: '2026-11-20T10:00:00Z', finishedAt: '2026-11-20T10:42:30Z' })]);
    expect(rowDuration(row!, now)).toBe(42.5 * 60_000);
    expect(rowDuration(row!, now + HOUR)).toBe(42.5 * 60_000);
  });

  it('takes updatedAt for a finished release without finishedAt', () => {
    const [row] = buildReleaseRows([release({ status: 'failed', updatedAt: '2026-11-20T10:05:00Z' })]);
    expect(rowDuration(row!, now)).toBe(5 * 60_000);
  });

  it('grows with the clock while the release runs', () => {
    const [row] = buildReleaseRows([release({ status: 'running', finishedAt: undefined })]);
    expect(rowDuration(row!, now)).toBe(2 * HOUR);
    expect(rowDuration(row!, now + HOUR)).toBe(3 * HOUR);
  });

  it('is unknown without a start, or for a finished release without any end', () => {
    const [noStart, noEnd] = buildReleaseRows([release({ createdAt: '' }), release({ status: 'succeeded' })]);
    expect(rowDuration(noStart!, now)).toBeUndefined();
    expect(rowDuration(noEnd!, now)).toBeUndefined();
  });

  it('is never negative (clock skew)', () => {
    const [row] = buildReleaseRows([release({ finishedAt: '2026-11-20T09:00:00Z' })]);
    expect(rowDuration(row!, now)).toBe(0);
  });
});

describe('rowSearchText and rowVersionKey', () => {
  it('hold the searchable fields in lower case and the natural version key', () => {
    const [row] = buildReleaseRows([
      release({
        name: 'Checkout 2.14.0',
        version: '2.14.0',
        initiator: { name: 'Ada Lopez', email: 'Ada@Acme.dev' },
        trigger: withCommit('4F2A9C1E0B7D', 'Fix Card Retries\nbody'),
        flow: { name: 'Multi-Env' },
      }),
    ]);
    const text = rowSearchText(row!);
    for (const part of ['checkout 2.14.0', '2.14.0', 'ada lopez', 'ada@acme.dev', '4f2a9c1e0b7d', 'fix card retries', 'multi-env']) {
      expect(text).toContain(part);
    }
    expect(text).toBe(text.toLowerCase());
    expect(rowVersionKey(row!)).toBe(naturalKey('2.14.0'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('environmentOrder', () => {
  const dev = environment('dev');
  const qa = environment('qa', ['dev']);
  const prodAfterQa = environment('prod', ['qa']);
  const staging = environment('staging', ['qa']);
  const prodAfterStaging = environment('prod', ['staging']);

  it('follows the sample flows', () => {
    expect(environmentOrder(HISTORY_ROWS)).toEqual(['dev', 'staging', 'production', 'prod-eu', 'prod-us', 'prod-asia']);
    expect(environmentOrder(buildReleaseRows([sampleRelease({ shape: 'parallel' })]))).toEqual(['dev', 'qa', 'staging', 'production']);
  });

  it('puts an environment a later release added between two others where it belongs', () => {
    const before = release({ environments: [dev, qa, prodAfterQa] });
    const after = release({ environments: [dev, qa, staging, prodAfterStaging] });
    // Newest first (as a history is) and oldest first give the same order.
    expect(environmentOrder(buildReleaseRows([after, before]))).toEqual(['dev', 'qa', 'staging', 'prod']);
    expect(environmentOrder(buildReleaseRows([before, after]))).toEqual(['dev', 'qa', 'staging', 'prod']);
    // Also when the releases between them alternate between the two structures.
    const again = release({ environments: [dev, qa, prodAfterQa] });
    expect(environmentOrder(buildReleaseRows([before, after, again]))).toEqual(['dev', 'qa', 'staging', 'prod']);
  });

  it('follows dependsOn, not the order environments are listed in', () => {
    const listed = release({ environments: [prodAfterStaging, staging, qa, dev] });
    expect(environmentOrder(buildReleaseRows([listed]))).toEqual(['dev', 'qa', 'staging', 'prod']);
  });

  it('respects every dependsOn edge of a large generated flow', () => {
    const rows = buildReleaseRows(sampleReleaseHistory({ count: 20, shape: 'large' }));
    const order = environmentOrder(rows);
    const position = new Map(order.map((name, index) => [name, index]));
    const names = new Set(rows.flatMap((row) => [...row.environments.keys()]));
    expect(order).toHaveLength(names.size);
    const backwards = rows.flatMap((row) =>
      row.release.environments.flatMap((step) =>
        step.dependsOn.filter((parent) => position.get(parent)! > position.get(step.name)!).map((parent) => `${parent}->${step.name}`),
      ),
    );
    expect(backwards).toEqual([]);
  });

  it('breaks ties by first appearance', () => {
    const a = environment('eu', ['dev']);
    const b = environment('us', ['dev']);
    expect(environmentOrder(buildReleaseRows([release({ environments: [dev, a, b] })]))).toEqual(['dev', 'eu', 'us']);
    expect(environmentOrder(buildReleaseRows([release({ environments: [dev, b, a] })]))).toEqual(['dev', 'us', 'eu']);
    // A root that only a later release has comes after the first release's environments.
    const rows = buildReleaseRows([release({ environments: [dev, qa] }), release({ flow: null, environments: [environment('hotfix')] })]);
    expect(environmentOrder(rows)).toEqual(['dev', 'qa', 'hotfix']);
  });

  it('survives a cycle across two releases and lists every environment once', () => {
    const one = release({ flow: { name: 'one' }, environments: [environment('a'), environment('b', ['a'])] });
    const two = release({ flow: { name: 'two' }, environments: [environment('b'), environment('a', ['b'])] });
    for (const rows of [buildReleaseRows([one, two]), buildReleaseRows([two, one])]) {
      const order = environmentOrder(rows);
      expect([...order].sort()).toEqual(['a', 'b']);
    }
    // The same flow changing its mind is no different.
    const three = release({ environments: [environment('x'), environment('y', ['x']), environment('z', ['y'])] });
    const four = release({ environments: [environment('z'), environment('y', ['z']), environment('x', ['y'])] });
    expect([...environmentOrder(buildReleaseRows([three, four]))].sort()).toEqual(['x', 'y', 'z']);
  });

  it('ignores a self-dependency, an unknown parent and a dependsOn that is not a list', () => {
    const rows = buildReleaseRows([
      release({
        environments: [
          environment('dev', ['dev']),
          environment('qa', ['dev', 'nowhere']),
          { ...environment('prod'), dependsOn: null as unknown as string[] },
        ],
      }),
    ]);
    expect(environmentOrder(rows)).toEqual(['dev', 'qa', 'prod']);
  });

  it('is empty without rows', () => expect(environmentOrder([])).toEqual([]));

  // Regression: when only cycles were left, the first remaining environment was placed even if it
  // only depended on the cycle, so `prod` (after `staging` in every release) came first.
  it('places only an environment of the cycle early, not one downstream of it', () => {
    const listed = release({
      flow: { name: 'one' },
      environments: [environment('prod', ['staging']), environment('staging', ['qa']), environment('qa')],
    });
    const conflicting = release({ flow: { name: 'two' }, environments: [environment('staging'), environment('qa', ['staging'])] });
    const order = environmentOrder(buildReleaseRows([listed, conflicting]));
    // Actual: ['prod', 'staging', 'qa'].
    expect(order.indexOf('prod')).toBeGreaterThan(order.indexOf('staging'));
  });
});

describe('releaseColumns', () => {
  const FIELDS = ['date', 'status', 'initiator', 'version', 'flow', 'duration', 'commit'];

  it('has the field columns, then one column per environment in promotion order', () => {
    const columns = releaseColumns(HISTORY_ROWS);
    expect(columns.slice(0, 7)).toEqual(FIELDS.map((id) => ({ kind: 'field', id, sortKey: id })));
    expect(columns.slice(7)).toEqual(
      ['dev', 'staging', 'production', 'prod-eu', 'prod-us', 'prod-asia'].map((name) => ({
        kind: 'environment',
        id: `env:${name}`,
        environment: name,
      })),
    );
  });

  it('has only the field columns without rows', () => {
    expect(releaseColumns([]).map((column) => column.id)).toEqual(FIELDS);
  });

  it('has columns only for the environments of the rows given', () => {
    const manual = filterReleaseRows(HISTORY_ROWS, { flows: [MANUAL_FLOW] });
    expect(manual.length).toBeGreaterThan(0);
    const names = new Set(manual.flatMap((row) => [...row.environments.keys()]));
    expect(envColumns(manual)).toEqual([...names].map((name) => `env:${name}`));
    expect(envColumns(manual)).not.toContain('env:dev');
  });

  it('follows a given environment order, keeping only environments present in the rows', () => {
    const rows = buildReleaseRows([
      release({ environments: [environment('dev'), environment('prod', ['dev'])] }),
      release({ environments: [environment('dev'), environment('canary', ['dev'])] }),
    ]);
    expect(envColumns(rows, { environmentOrder: ['prod', 'qa', 'canary', 'dev'] })).toEqual(['env:prod', 'env:canary', 'env:dev']);
    // An environment of the rows that the order leaves out gets no column.
    expect(envColumns(rows, { environmentOrder: ['dev'] })).toEqual(['env:dev']);
    expect(envColumns(rows.slice(0, 1), { environmentOrder: environmentOrder(rows) })).toEqual(['env:dev', 'env:prod']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('filterReleaseRows', () => {
  it('returns every row, in order, for empty filters', () => {
    for (const filters of [{}, { statuses: [], flows: [], query: '', environment: '', from: '', to: '' }, { query: '  \t ' }]) {
      const result = filterReleaseRows(HISTORY_ROWS, filters);
      expect(ids(result)).toEqual(ids(HISTORY_ROWS));
    }
  });

  it('does not change the rows given', () => {
    const rows = HISTORY_ROWS.slice();
    filterReleaseRows(rows, { statuses: ['failed'] }).reverse();
    expect(ids(rows)).toEqual(ids(HISTORY_ROWS));
  });

  it('keeps the releases in any of the statuses chosen', () => {
    const result = filterReleaseRows(HISTORY_ROWS, { statuses: ['failed', 'terminated'] });
    expect(result.length).toBe(HISTORY_ROWS.filter((row) => row.status === 'failed' || row.status === 'terminated').length);
    expect(result.length).toBeGreaterThan(0);
    expect(new Set(result.map((row) => row.status))).toEqual(new Set(['failed', 'terminated']));
    expect(filterReleaseRows(HISTORY_ROWS, { statuses: ['error'] })).toEqual([]);
  });

  it('matches a status word outside the vocabulary as unknown', () => {
    const rows = buildReleaseRows([release({ status: 'Weird' as Status }), release()]);
    expect(filterReleaseRows(rows, { statuses: ['unknown'] }).map((row) => row.release.status)).toEqual(['Weird']);
  });

  it('keeps the releases of the flows chosen, MANUAL_FLOW standing for manual ones', () => {
    const manual = filterReleaseRows(HISTORY_ROWS, { flows: [MANUAL_FLOW] });
    expect(manual.length).toBeGreaterThan(0);
    expect(manual.every((row) => row.flow === null)).toBe(true);
    const flow = filterReleaseRows(HISTORY_ROWS, { flows: ['regions-flow'] });
    expect(flow.every((row) => row.flow === 'regions-flow')).toBe(true);
    expect(manual.length + flow.length).toBe(HISTORY_ROWS.length);
    expect(filterReleaseRows(HISTORY_ROWS, { flows: ['regions-flow', MANUAL_FLOW] })).toHaveLength(HISTORY_ROWS.length);
    expect(filterReleaseRows(HISTORY_ROWS, { flows: ['other-flow'] })).toEqual([]);
  });

  it('tells a flow named "manual" from a manual promotion', () => {
    const rows = buildReleaseRows([release({ flow: null }), release({ flow: { name: 'manual' } })]);
    expect(filterReleaseRows(rows, { flows: [MANUAL_FLOW] }).map((row) => row.flow)).toEqual([null]);
    expect(filterReleaseRows(rows, { flows: ['manual'] }).map((row) => row.flow)).toEqual(['manual']);
  });

  it('keeps the releases that went through the environment chosen', () => {
    const eu = filterReleaseRows(HISTORY_ROWS, { environment: 'prod-eu' });
    expect(eu.length).toBeGreaterThan(0);
    expect(eu.every((row) => row.environments.has('prod-eu'))).toBe(true);
    expect(eu.length).toBe(HISTORY_ROWS.filter((row) => row.environments.has('prod-eu')).length);
    // A manual promotion to production alone did not go through dev.
    const manual = HISTORY_ROWS.find((row) => row.flow === null && !row.environments.has('dev'))!;
    expect(manual).toBeDefined();
    expect(filterReleaseRows(HISTORY_ROWS, { environment: 'dev' })).not.toContain(manual);
    expect(filterReleaseRows(HISTORY_ROWS, { environment: [...manual.environments.keys()][0] })).toContain(manual);
    expect(filterReleaseRows(HISTORY_ROWS, { environment: 'Prod-EU' })).toEqual([]);
  });

  describe('days, in UTC, inclusive at both ends', () => {
    const times = [
      '2026-11-19T23:59:59.999Z',
      '2026-11-20T00:00:00Z',
      '2026-11-20T12:00:00Z',
      '2026-11-20T23:59:59Z',
      '2026-11-20T23:59:59.999Z',
      '2026-11-21T00:00:00Z',
      // 23:30 UTC on the 20th, written in another zone: still the 20th.
      '2026-11-21T01:30:00+02:00',
      // 03:30 UTC on the 21st, though its local day is the 20th.
      '2026-11-20T22:30:00-05:00',
    ];
    const rows = buildReleaseRows(times.map((createdAt) => release({ id: createdAt, createdAt })));

    it('ends `to` with the last millisecond of its day', () => {
      expect(ids(filterReleaseRows(rows, { to: '2026-11-20' }))).toEqual([
        '2026-11-19T23:59:59.999Z',
        '2026-11-20T00:00:00Z',
        '2026-11-20T12:00:00Z',
        '2026-11-20T23:59:59Z',
        '2026-11-20T23:59:59.999Z',
        '2026-11-21T01:30:00+02:00',
      ]);
    });

    it('starts `from` with the first millisecond of its day', () => {
      expect(ids(filterReleaseRows(rows, { from: '2026-11-21' }))).toEqual(['2026-11-21T00:00:00Z', '2026-11-20T22:30:00-05:00']);
    });

    it('keeps one day with from = to', () => {
      expect(ids(filterReleaseRows(rows, { from: '2026-11-20', to: '2026-11-20' }))).toEqual([
        '2026-11-20T00:00:00Z',
        '2026-11-20T12:00:00Z',
        '2026-11-20T23:59:59Z',
        '2026-11-20T23:59:59.999Z',
        '2026-11-21T01:30:00+02:00',
      ]);
    });

    it('keeps nothing for a range with from after to', () => {
      expect(filterReleaseRows(rows, { from: '2026-11-21', to: '2026-11-20' })).toEqual([]);
    });

    it('leaves out a release without a date only when a day is chosen', () => {
      const undated = buildReleaseRows([release({ createdAt: '' }), release({ createdAt: 'not a date' })]);
      expect(filterReleaseRows(undated, { from: '2000-01-01' })).toEqual([]);
      expect(filterReleaseRows(undated, { to: '2100-01-01' })).toEqual([]);
      expect(filterReleaseRows(undated, {})).toHaveLength(2);
    });

    it('narrows the sample history to its days', () => {
      const result = filterReleaseRows(HISTORY_ROWS, { from: '2026-11-15', to: '2026-11-17' });
      expect(result.length).toBeGreaterThan(0);
      expect(result.every((row) => row.release.createdAt >= '2026-11-15' && row.release.createdAt < '2026-11-18')).toBe(true);
      expect(result).toHaveLength(
        HISTORY_ROWS.filter((row) => row.release.createdAt >= '2026-11-15' && row.release.createdAt < '2026-11-18').length,
      );
    });
  });

  describe('free text', () => {
    const ada = release({
      id: 'ada',
      name: 'checkout 2.14.0',
      version: '2.14.0',
      initiator: { name: 'Ada Lopez' },
      trigger: withCommit('4f2a9c1e0b7d5a3c2e1f0a9b8c7d6e5f4a3b2c1d', 'Fix card retries\n\nRefs PAY-1234'),
      flow: { name: 'multi-env' },
    });
    const kenji = release({
      id: 'kenji',
      version: '2.15.0-rc1',
      initiator: { name: 'Kenji Sato' },
      trigger: withCommit('9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d', 'Update checkout layout'),
      flow: null,
    });
    const rows = buildReleaseRows([ada, kenji]);
    const search = (query: string) => ids(filterReleaseRows(rows, { query }));

    it.each([
      ['the version', '2.14.0', ['ada']],
      ['part of a version', '2.1', ['ada', 'kenji']],
      ['the short SHA', '4f2a9c1', ['ada']],
      ['the full SHA', '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d', ['kenji']],
      ['the commit title', 'card retries', ['ada']],
      ['the initiator', 'Kenji', ['kenji']],
      ['the flow', 'multi-env', ['ada']],
      ['a manual promotion', 'manual', ['kenji']],
      ['nothing', 'payments', []],
    ])('finds %s', (_, query, expected) => expect(search(query)).toEqual(expected));

    it('ignores case', () => {
      expect(search('ADA LOPEZ')).toEqual(['ada']);
      expect(search('4F2A9C1')).toEqual(['ada']);
      expect(search('fIX CaRd')).toEqual(['ada']);
      const upper = buildReleaseRows([release({ trigger: withCommit('ABCDEF0123', 'Add things') })]);
      expect(filterReleaseRows(upper, { query: 'abcdef' })).toHaveLength(1);
    });

    it('needs every word, in any field and any order', () => {
      expect(search('ada 2.14')).toEqual(['ada']);
      expect(search('  retries   Lopez ')).toEqual(['ada']);
      expect(search('ada 2.15')).toEqual([]);
      expect(search('checkout kenji')).toEqual(['kenji']);
      expect(search('checkout')).toEqual(['ada', 'kenji']);
    });

    it('searches the sample history by initiator and commit title', () => {
      const result = filterReleaseRows(HISTORY_ROWS, { query: 'priya rounding' });
      expect(result.length).toBeGreaterThan(0);
      expect(result.length).toBe(
        HISTORY_ROWS.filter((row) => row.initiator === 'Priya Nair' && row.commit.title!.includes('rounding')).length,
      );
    });
  });

  it('keeps exactly the rows every single filter keeps, in order (property)', () => {
    const filtersArb = fc.record(
      {
        statuses: fc.subarray([...STATUSES]),
        flows: fc.subarray(['regions-flow', MANUAL_FLOW, 'other']),
        environment: fc.constantFrom('dev', 'prod-eu', 'production', 'nowhere'),
        from: fc.constantFrom('2026-11-10', '2026-11-13', '2026-11-16'),
        to: fc.constantFrom('2026-11-14', '2026-11-18', '2026-11-30'),
        query: fc.constantFrom('ada', 'fix', '1.4', 'lena harden', 'manual', 'e'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filtersArb, (filters: ReleaseFilters) => {
        const result = filterReleaseRows(HISTORY_ROWS, filters);
        const singles = (Object.keys(filters) as (keyof ReleaseFilters)[]).map(
          (key) => new Set(filterReleaseRows(HISTORY_ROWS, { [key]: filters[key] } as ReleaseFilters)),
        );
        const expected = HISTORY_ROWS.filter((row) => singles.every((kept) => kept.has(row)));
        expect(ids(result)).toEqual(ids(expected));
      }),
      { numRuns: 200, seed: 20261120 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('sortReleaseRows', () => {
  const NOW = Date.parse('2026-11-20T12:00:00Z');
  const sorted = (rows: readonly ReleaseRow[], key: ReleaseSortKey, desc = false, now = NOW) =>
    ids(sortReleaseRows(rows, { key, desc }, now));

  it('sorts by date, newest first by default, undated last either way', () => {
    const rows = buildReleaseRows([
      release({ id: 'mid', createdAt: '2026-11-20T10:00:00Z' }),
      release({ id: 'none', createdAt: '' }),
      release({ id: 'old', createdAt: '2026-11-19T10:00:00Z' }),
      release({ id: 'new', createdAt: '2026-11-20T11:00:00Z' }),
    ]);
    expect(DEFAULT_TABLE_STATE.sort).toEqual({ key: 'date', desc: true });
    expect(ids(sortReleaseRows(rows, DEFAULT_TABLE_STATE.sort))).toEqual(['new', 'mid', 'old', 'none']);
    expect(sorted(rows, 'date')).toEqual(['old', 'mid', 'new', 'none']);
    expect(ids(queryReleaseRows(rows, DEFAULT_TABLE_STATE).rows)).toEqual(['new', 'mid', 'old', 'none']);
  });

  it('shows the sample history newest first by default', () => {
    const shuffled = buildReleaseRows([...HISTORY].reverse());
    const times = sortReleaseRows(shuffled, DEFAULT_TABLE_STATE.sort).map((row) => row.created!);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(sortReleaseRows(shuffled, DEFAULT_TABLE_STATE.sort)[0]!.status).toBe('running');
  });

  it('sorts by status with problems first, ascending', () => {
    const rows = buildReleaseRows([...STATUSES].reverse().map((status) => release({ id: status, status })));
    expect(sorted(rows, 'status')).toEqual(AGGREGATION_PRIORITY);
    expect(sorted(rows, 'status')[0]).toBe('error');
    expect(sorted(rows, 'status', true)).toEqual([...AGGREGATION_PRIORITY].reverse());
  });

  it('sorts by initiator, ignoring case, without one last either way', () => {
    const rows = buildReleaseRows([
      release({ id: 'tom', initiator: { name: 'tom Becker' } }),
      release({ id: 'none' }),
      release({ id: 'ada', initiator: { name: 'Ada Lopez' } }),
      release({ id: 'kenji', initiator: { name: 'Kenji Sato' } }),
      release({ id: 'empty', initiator: { name: '' } }),
    ]);
    expect(sorted(rows, 'initiator')).toEqual(['ada', 'kenji', 'tom', 'none', 'empty']);
    expect(sorted(rows, 'initiator', true)).toEqual(['tom', 'kenji', 'ada', 'none', 'empty']);
  });

  it('sorts versions naturally, without one last either way', () => {
    const versions = ['1.10.0', 'v10', '', '1.9.0', 'v2', '1.2.0', '2.0.0', '1.9.1'];
    const rows = buildReleaseRows(versions.map((version) => release({ id: version || 'none', version })));
    expect(sorted(rows, 'version')).toEqual(['1.2.0', '1.9.0', '1.9.1', '1.10.0', '2.0.0', 'v2', 'v10', 'none']);
    expect(sorted(rows, 'version', true)).toEqual(['v10', 'v2', '2.0.0', '1.10.0', '1.9.1', '1.9.0', '1.2.0', 'none']);
  });

  it('sorts by flow, manual promotions last either way', () => {
    const rows = buildReleaseRows([
      release({ id: 'zeta', flow: { name: 'Zeta' } }),
      release({ id: 'manual', flow: null }),
      release({ id: 'alpha', flow: { name: 'alpha' } }),
      release({ id: 'beta', flow: { name: 'beta' } }),
    ]);
    expect(sorted(rows, 'flow')).toEqual(['alpha', 'beta', 'zeta', 'manual']);
    expect(sorted(rows, 'flow', true)).toEqual(['zeta', 'beta', 'alpha', 'manual']);
  });

  it('sorts by commit title, ignoring case, without one last either way', () => {
    const rows = buildReleaseRows([
      release({ id: 'update', trigger: withCommit('c1', 'update layout') }),
      release({ id: 'none', trigger: { kind: 'manual', environment: 'dev' } }),
      release({ id: 'add', trigger: withCommit('c2', 'Add retries\nwith body') }),
      release({ id: 'fix', trigger: withCommit('c3', 'Fix totals') }),
    ]);
    expect(sorted(rows, 'commit')).toEqual(['add', 'fix', 'update', 'none']);
    expect(sorted(rows, 'commit', true)).toEqual(['update', 'fix', 'add', 'none']);
  });

  it('sorts by duration, unknown last either way, a running release growing with the clock', () => {
    const rows = buildReleaseRows([
      release({ id: '30m', createdAt: '2026-11-20T08:00:00Z', finishedAt: '2026-11-20T08:30:00Z' }),
      release({ id: 'running', status: 'running', createdAt: '2026-11-20T11:00:00Z' }),
      release({ id: 'unknown', status: 'succeeded' }),
      release({ id: '90m', createdAt: '2026-11-20T06:00:00Z', finishedAt: '2026-11-20T07:30:00Z' }),
    ]);
    // At noon the running release has run an hour...
    expect(sorted(rows, 'duration', false, NOW)).toEqual(['30m', 'running', '90m', 'unknown']);
    expect(sorted(rows, 'duration', true, NOW)).toEqual(['90m', 'running', '30m', 'unknown']);
    // ...at 11:10 ten minutes, at 14:00 three hours.
    expect(sorted(rows, 'duration', false, NOW - 50 * 60_000)).toEqual(['running', '30m', '90m', 'unknown']);
    expect(sorted(rows, 'duration', false, NOW + 2 * HOUR)).toEqual(['30m', '90m', 'running', 'unknown']);
  });

  it('does not change the rows given', () => {
    const rows = HISTORY_ROWS.slice();
    sortReleaseRows(rows, { key: 'version', desc: false });
    expect(ids(rows)).toEqual(ids(HISTORY_ROWS));
  });

  it('keeps the previous order among equal keys (sort by date, then by flow)', () => {
    const byDate = sortReleaseRows(HISTORY_ROWS, { key: 'date', desc: false });
    const byFlow = sortReleaseRows(byDate, { key: 'flow', desc: true });
    const flowTimes = byFlow.filter((row) => row.flow === 'regions-flow').map((row) => row.created!);
    const manualTimes = byFlow.filter((row) => row.flow === null).map((row) => row.created!);
    expect(flowTimes).toEqual([...flowTimes].sort((a, b) => a - b));
    expect(manualTimes).toEqual([...manualTimes].sort((a, b) => a - b));
    expect(byFlow.at(-1)!.flow).toBeNull();
  });

  describe('property over random rows', () => {
    const statusArb = fc.constantFrom<Status>(...STATUSES, 'Bogus' as Status);
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const releaseArb = fc.record({
      status: statusArb,
      createdAt: fc.constantFrom('2026-11-20T10:00:00Z', '2026-11-20T11:00:00Z', '2026-11-19T09:00:00Z', ''),
      finishedAt: maybe(fc.constantFrom('2026-11-20T11:30:00Z', '2026-11-20T12:00:00Z')),
      initiator: maybe(fc.constantFrom('Ada', 'ada', 'Bob', '')),
      version: maybe(fc.constantFrom('1.9.0', '1.10.0', 'v2', 'V2', 'v10', '')),
      flow: fc.option(fc.constantFrom('alpha', 'Alpha', 'beta'), { nil: null }),
      title: maybe(fc.constantFrom('Fix a', 'fix a', 'Add b')),
    });
    const rowsArb = fc.array(releaseArb, { maxLength: 40 }).map((list) =>
      buildReleaseRows(
        list.map((r, i) =>
          release({
            id: `p-${i}`,
            status: r.status,
            createdAt: r.createdAt,
            finishedAt: r.finishedAt,
            initiator: r.initiator === undefined ? undefined : { name: r.initiator },
            version: r.version,
            flow: r.flow === null ? null : { name: r.flow },
            trigger: r.title === undefined ? { kind: 'manual', environment: 'dev' } : withCommit('abc', r.title),
          }),
        ),
      ),
    );
    const sortArb = fc.record({ key: fc.constantFrom(...SORT_KEYS), desc: fc.boolean() });
    const now = Date.parse('2026-11-20T13:00:00Z');

    /** What the column shows, as the reader compares it. */
    function shown(row: ReleaseRow, key: ReleaseSortKey): string | number | undefined {
      switch (key) {
        case 'date':
          return row.created;
        case 'status':
          return AGGREGATION_PRIORITY.indexOf(row.status);
        case 'initiator':
          return row.initiator.toLowerCase() || undefined;
        case 'version':
          return row.version ? naturalKey(row.version) : undefined;
        case 'flow':
          return row.flow?.toLowerCase() || undefined;
        case 'duration':
          return rowDuration(row, now);
        case 'commit':
          return row.commit.title?.toLowerCase() || undefined;
      }
    }

    it('orders by the key, missing values last, equal keys in input order (stable)', () => {
      fc.assert(
        fc.property(
          rowsArb.chain((rows) => fc.tuple(fc.shuffledSubarray(rows, { minLength: rows.length }), sortArb)),
          ([input, sort]: [ReleaseRow[], ReleaseSort]) => {
            const result = sortReleaseRows(input, sort, now);
            expect([...ids(result)].sort()).toEqual([...ids(input)].sort());
            const position = new Map(input.map((row, i) => [row, i]));
            for (let i = 1; i < result.length; i++) {
              const a = shown(result[i - 1]!, sort.key);
              const b = shown(result[i]!, sort.key);
              const inOrder = position.get(result[i - 1]!)! < position.get(result[i]!)!;
              if (a === undefined) {
                expect(b).toBeUndefined();
                expect(inOrder).toBe(true);
              } else if (b !== undefined) {
                if (a === b) expect(inOrder).toBe(true);
                else expect(sort.desc ? a > b : a < b).toBe(true);
              }
            }
          },
        ),
        { numRuns: 300, seed: 20261121 },
      );
    });
  });
});

describe('naturalKey', () => {
  const less = (a: string, b: string) => naturalKey(a) < naturalKey(b);

  it('compares numbers inside strings by value', () => {
    expect(less('1.9.0', '1.10.0')).toBe(true);
    expect(less('v2', 'v10')).toBe(true);
    expect(less('1.2.10', '1.2.9')).toBe(false);
    expect(less('build-99', 'build-100')).toBe(true);
  });

  it('ignores case and leading zeros', () => {
    expect(naturalKey('V2')).toBe(naturalKey('v2'));
    expect(naturalKey('1.01.0')).toBe(naturalKey('1.1.0'));
    expect(naturalKey('v0')).toBe(naturalKey('v00'));
  });

  it('agrees with numeric order for any two whole numbers (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999 }), fc.nat({ max: 999_999_999 }), (a, b) => {
        expect(naturalKey(`v${a}.0`) < naturalKey(`v${b}.0`)).toBe(a < b);
        expect(naturalKey(`1.${a}`) < naturalKey(`1.${b}`)).toBe(a < b);
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('queryReleaseRows', () => {
  // r-01 is the oldest; newest first by default.
  const rows = buildReleaseRows(
    Array.from({ length: 25 }, (_, i) =>
      release({
        id: `r-${String(i + 1).padStart(2, '0')}`,
        createdAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * HOUR).toISOString(),
        status: i % 5 === 0 ? 'failed' : 'succeeded',
      }),
    ),
  );
  const ascending = { key: 'date', desc: false } as const;
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `r-${String(from + i).padStart(2, '0')}`);

  it('gives page 2 of 25 rows with 10 a page as rows 11 to 20', () => {
    const result = queryReleaseRows(rows, { sort: ascending, filters: {}, page: 2 }, { pageSize: 10 });
    expect(ids(result.rows)).toEqual(range(11, 20));
    expect(result).toMatchObject({ total: 25, page: 2, pageCount: 3 });
    expect(ids(result.matching)).toEqual(range(1, 25));
  });

  it('gives the last, shorter page', () => {
    const result = queryReleaseRows(rows, { sort: ascending, filters: {}, page: 3 }, { pageSize: 10 });
    expect(ids(result.rows)).toEqual(range(21, 25));
    expect(result.page).toBe(3);
  });

  it.each([
    [0, 1],
    [-1, 1],
    [Number.NaN, 1],
    [1.7, 1],
    [2.5, 2],
    [4, 3],
    [1000, 3],
    [Number.POSITIVE_INFINITY, 3],
  ])('clamps page %s to %s', (page, expected) => {
    const result = queryReleaseRows(rows, { sort: ascending, filters: {}, page }, { pageSize: 10 });
    expect(result.page).toBe(expected);
    expect(ids(result.rows)).toEqual(range((expected - 1) * 10 + 1, Math.min(expected * 10, 25)));
  });

  it('counts pages of what the filters keep', () => {
    const result = queryReleaseRows(rows, { sort: DEFAULT_TABLE_STATE.sort, filters: { statuses: ['failed'] }, page: 2 }, { pageSize: 2 });
    expect(result).toMatchObject({ total: 5, pageCount: 3, page: 2 });
    expect(ids(result.rows)).toEqual(['r-11', 'r-06']);
  });

  it('has one empty page when nothing matches', () => {
    const result = queryReleaseRows(rows, { sort: ascending, filters: { query: 'nothing' }, page: 4 }, { pageSize: 10 });
    expect(result).toEqual({ rows: [], matching: [], total: 0, page: 1, pageCount: 1 });
  });

  it('gives every row on one page without a page size', () => {
    for (const options of [undefined, {}, { pageSize: 0 }, { pageSize: -5 }]) {
      const result = queryReleaseRows(rows, { sort: ascending, filters: {}, page: 2 }, options);
      expect(ids(result.rows)).toEqual(range(1, 25));
      expect(result).toMatchObject({ total: 25, page: 1, pageCount: 1 });
    }
  });

  it('measures running releases to the `now` given', () => {
    const mixed = buildReleaseRows([
      release({ id: 'done', createdAt: '2026-11-20T08:00:00Z', finishedAt: '2026-11-20T09:00:00Z' }),
      release({ id: 'running', status: 'running', createdAt: '2026-11-20T10:00:00Z' }),
    ]);
    const state = { sort: { key: 'duration', desc: true } as const, filters: {}, page: 1 };
    expect(ids(queryReleaseRows(mixed, state, { now: Date.parse('2026-11-20T10:30:00Z') }).rows)).toEqual(['done', 'running']);
    expect(ids(queryReleaseRows(mixed, state, { now: Date.parse('2026-11-20T12:00:00Z') }).rows)).toEqual(['running', 'done']);
  });

  it('pages through every matching row exactly once (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.subarray([...STATUSES]), fc.constantFrom(...SORT_KEYS), (pageSize, statuses, key) => {
        const state = { sort: { key, desc: false }, filters: { statuses }, page: 1 };
        const first = queryReleaseRows(HISTORY_ROWS, state, { pageSize });
        const seen: string[] = [];
        for (let page = 1; page <= first.pageCount; page++) {
          const result = queryReleaseRows(HISTORY_ROWS, { ...state, page }, { pageSize });
          expect(result.page).toBe(page);
          expect(result.rows.length).toBeLessThanOrEqual(pageSize);
          seen.push(...ids(result.rows));
        }
        expect(seen).toEqual(ids(first.matching));
        expect(first.total).toBe(first.matching.length);
        expect(first.pageCount).toBe(Math.max(1, Math.ceil(first.total / pageSize)));
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });

  it('answers the spec URL on the sample history', () => {
    const state = fromSearchParams('?status=failed,terminated&sort=date');
    const result = queryReleaseRows(HISTORY_ROWS, state, { pageSize: 5 });
    expect(result.total).toBe(HISTORY_ROWS.filter((row) => row.status === 'failed' || row.status === 'terminated').length);
    expect(result.rows.every((row) => row.status === 'failed' || row.status === 'terminated')).toBe(true);
    const times = result.matching.map((row) => row.created!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

// ---------------------------------------------------------------------------------------------

describe('validDay', () => {
  it.each(['2026-11-20', '2028-02-29', '2026-12-31', '2026-01-01', '1970-01-01'])('accepts %s', (day) => expect(validDay(day)).toBe(day));

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-11-31', '2026-11-00', '2026-1-1', '20261120', '2026-11-20T00:00:00Z', ' 2026-11-20', '', '２０２６-11-20', null, undefined, 20261120, new Date()])(
    'rejects %j',
    (value) => expect(validDay(value)).toBeUndefined(),
  );
});

describe('URL state', () => {
  const SPEC = '?status=failed,terminated&flow=multi-env&q=fix&sort=-date&page=2';
  const SPEC_STATE: ReleasesTableState = {
    sort: { key: 'date', desc: true },
    filters: { statuses: ['failed', 'terminated'], flows: ['multi-env'], query: 'fix' },
    page: 2,
  };

  it('reads the example of the spec', () => {
    expect(fromSearchParams(SPEC)).toEqual(SPEC_STATE);
    expect(fromSearchParams(SPEC.slice(1))).toEqual(SPEC_STATE);
    expect(fromSearchParams(new URLSearchParams(SPEC))).toEqual(SPEC_STATE);
  });

  it('writes it back with readable commas, leaving out the default sort', () => {
    expect(toSearchString(SPEC_STATE)).toBe('?status=failed,terminated&flow=multi-env&q=fix&page=2');
    expect(fromSearchParams(toSearchString(SPEC_STATE))).toEqual(SPEC_STATE);
  });

  it('writes every part of the state', () => {
    const state: ReleasesTableState = {
      sort: { key: 'duration', desc: false },
      filters: {
        statuses: ['running'],
        flows: ['multi-env', MANUAL_FLOW],
        environment: 'prod-eu',
        from: '2026-11-01',
        to: '2026-11-20',
        query: '  fix  retries ',
      },
      page: 3,
      after: 'cursor-1',
      hiddenColumns: ['env:dev', 'env:qa'],
    };
    expect(toSearchString(state)).toBe(
      '?status=running&flow=multi-env,%28manual%29&env=prod-eu&from=2026-11-01&to=2026-11-20&q=fix++retries&sort=duration&page=3&after=cursor-1&hide=env%3Adev,env%3Aqa',
    );
    expect(fromSearchParams(toSearchString(state))).toEqual({ ...state, filters: { ...state.filters, query: 'fix  retries' } });
  });

  it('escapes everything but the commas', () => {
    const search = toSearchString({ filters: { query: 'a&b=c,d #1 +x%2C' } });
    expect(search).toBe('?q=a%26b%3Dc,d+%231+%2Bx%252C');
    expect(fromSearchParams(search).filters.query).toBe('a&b=c,d #1 +x%2C');
  });

  it('writes nothing for the default state', () => {
    expect(toSearchString(DEFAULT_TABLE_STATE)).toBe('');
    expect(toSearchString({})).toBe('');
    expect(toSearchString({ sort: { key: 'date', desc: true }, page: 1, filters: { statuses: [], flows: [], query: '   ' } })).toBe('');
    expect(toSearchParams(DEFAULT_TABLE_STATE).toString()).toBe('');
  });

  it('writes an ascending date sort, which is not the default', () => {
    expect(toSearchString({ sort: { key: 'date', desc: false } })).toBe('?sort=date');
    expect(toSearchString({ sort: { key: 'version', desc: true } })).toBe('?sort=-version');
  });

  it.each(['', '?', null, undefined, '&&', '?=&=x'])('reads the default state from %j', (input) => {
    expect(fromSearchParams(input)).toEqual(DEFAULT_TABLE_STATE);
  });

  it('reads (manual) as the manual flow', () => {
    const state = fromSearchParams('?flow=(manual)');
    expect(state.filters.flows).toEqual([MANUAL_FLOW]);
    const manual = filterReleaseRows(HISTORY_ROWS, state.filters);
    expect(manual.length).toBeGreaterThan(0);
    expect(manual.every((row) => row.flow === null)).toBe(true);
  });

  it('keeps after and drops before when a URL has both', () => {
    expect(fromSearchParams('?after=a1&before=b1')).toMatchObject({ after: 'a1' });
    expect(fromSearchParams('?after=a1&before=b1').before).toBeUndefined();
    expect(fromSearchParams('?before=b1')).toMatchObject({ before: 'b1' });
  });

  describe('invalid params are ignored', () => {
    it.each(['0', '-1', '1.5', 'abc', '', '1e3', '0x10', '+2', 'two'])('page=%s reads as page 1', (page) => {
      expect(fromSearchParams(`?page=${encodeURIComponent(page)}`).page).toBe(1);
    });

    it('reads a good page', () => {
      expect(fromSearchParams('?page=1').page).toBe(1);
      expect(fromSearchParams('?page=37').page).toBe(37);
    });

    it.each(['bogus', '-', '--date', 'DATE', '-Date', 'env:dev', '+date'])('sort=%s reads as the default sort', (sort) => {
      expect(fromSearchParams(`?sort=${encodeURIComponent(sort)}`).sort).toEqual({ key: 'date', desc: true });
    });

    it.each(SORT_KEYS)('reads sort=%s and sort=-%s', (key) => {
      expect(fromSearchParams(`?sort=${key}`).sort).toEqual({ key, desc: false });
      expect(fromSearchParams(`?sort=-${key}`).sort).toEqual({ key, desc: true });
    });

    it('drops a day that does not exist', () => {
      expect(fromSearchParams('?from=2026-02-30').filters).toEqual({});
      expect(fromSearchParams('?to=2026-13-01&from=yesterday').filters).toEqual({});
      expect(fromSearchParams('?from=2026-02-28&to=2026-02-30').filters).toEqual({ from: '2026-02-28' });
    });

    it('drops a `to` earlier than `from`, keeping `from`', () => {
      expect(fromSearchParams('?from=2026-11-20&to=2026-11-19').filters).toEqual({ from: '2026-11-20' });
      expect(fromSearchParams('?from=2026-11-20&to=2026-11-20').filters).toEqual({ from: '2026-11-20', to: '2026-11-20' });
      expect(fromSearchParams('?to=2026-11-19').filters).toEqual({ to: '2026-11-19' });
    });

    it('drops unknown statuses and keeps the valid ones', () => {
      expect(fromSearchParams('?status=failed,bogus,FAILED,,succeeded, running ,failed').filters.statuses).toEqual([
        'failed',
        'succeeded',
        'running',
      ]);
      expect(fromSearchParams('?status=bogus,other').filters).toEqual({});
    });

    it('ignores a 10,000-character value', () => {
      const long = 'x'.repeat(10_000);
      expect(fromSearchParams(`?q=${long}`)).toEqual(DEFAULT_TABLE_STATE);
      expect(fromSearchParams(`?status=failed,${long}`)).toEqual(DEFAULT_TABLE_STATE);
      expect(fromSearchParams(`?flow=${long}&env=${long}&after=${long}&hide=${long}`)).toEqual(DEFAULT_TABLE_STATE);
      expect(fromSearchParams(`?page=${'1'.repeat(10_000)}`).page).toBe(1);
      // ...while the other params still count.
      expect(fromSearchParams(`?q=${long}&status=failed&page=2`)).toEqual({ ...DEFAULT_TABLE_STATE, filters: { statuses: ['failed'] }, page: 2 });
    });

    it('ignores empty and blank values', () => {
      expect(fromSearchParams('?status=&flow=,,&env=%20&q=%20%20&from=&to=&sort=&page=&hide=,')).toEqual(DEFAULT_TABLE_STATE);
    });
  });

  describe('with a prefix', () => {
    const options = { prefix: 'releases.' };

    it('reads only its own keys', () => {
      const url = '?status=succeeded&page=3&releases.status=failed&releases.page=2&releases.sort=version';
      expect(fromSearchParams(url, options)).toEqual({
        sort: { key: 'version', desc: false },
        filters: { statuses: ['failed'] },
        page: 2,
      });
      expect(fromSearchParams(url)).toEqual({ ...DEFAULT_TABLE_STATE, filters: { statuses: ['succeeded'] }, page: 3 });
      expect(fromSearchParams('?status=failed', options)).toEqual(DEFAULT_TABLE_STATE);
    });

    it('writes only its own keys, keeping the host\'s other params', () => {
      const base = new URLSearchParams('tab=graph&status=keep&releases.q=old&releases.page=5');
      const search = toSearchString({ filters: { statuses: ['failed', 'error'] }, page: 1 }, { ...options, base });
      expect(search).toBe('?tab=graph&status=keep&releases.status=failed,error');
      // The host's params object is not changed.
      expect(base.toString()).toBe('tab=graph&status=keep&releases.q=old&releases.page=5');
      expect(fromSearchParams(search, options)).toEqual({ ...DEFAULT_TABLE_STATE, filters: { statuses: ['failed', 'error'] } });
      expect(fromSearchParams(search).filters.statuses).toBeUndefined();
    });

    it('keeps a host\'s params given as a string', () => {
      expect(toSearchString({ page: 4 }, { ...options, base: '?product=checkout' })).toBe('?product=checkout&releases.page=4');
      expect(toSearchString(DEFAULT_TABLE_STATE, { ...options, base: '?product=checkout' })).toBe('?product=checkout');
      expect(toSearchString(DEFAULT_TABLE_STATE, { base: '?product=checkout&page=4&q=x' })).toBe('?product=checkout');
    });
  });

  describe('properties', () => {
    // Any text, with spaces around it sometimes; flow names and hidden columns with commas and
    // escapes in them too.
    const textArb = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
    const itemArb = fc.oneof(textArb, fc.array(fc.constantFrom(',', '%', '2C', '25', 'a', ' '), { maxLength: 6 }).map((parts) => parts.join('')));
    const dayArb = fc
      .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

    const stateArb = fc
      .record({
        statuses: fc.shuffledSubarray([...STATUSES]),
        flows: fc.array(itemArb, { maxLength: 4 }),
        environment: maybe(textArb),
        days: fc.tuple(maybe(dayArb), maybe(dayArb)),
        query: maybe(textArb),
        sort: fc.record({ key: fc.constantFrom(...SORT_KEYS), desc: fc.boolean() }),
        page: fc.integer({ min: 1, max: 1000 }),
        after: maybe(textArb),
        before: maybe(textArb),
        hiddenColumns: fc.array(itemArb, { maxLength: 4 }),
      })
      .map(({ days: [a, b], ...rest }): ReleasesTableState => {
        const [from, to] = a && b && a > b ? [b, a] : [a, b];
        return {
          sort: rest.sort,
          page: rest.page,
          filters: { statuses: rest.statuses, flows: rest.flows, environment: rest.environment, from, to, query: rest.query },
          after: rest.after,
          before: rest.before,
          hiddenColumns: rest.hiddenColumns,
        };
      });

    /** The state as a URL can hold it: trimmed, without duplicates, empties or both cursors. */
    function normalised(state: ReleasesTableState): ReleasesTableState {
      const items = (list: readonly string[] = []) => [...new Set(list.map((item) => item.trim()).filter(Boolean))];
      const { filters } = state;
      const out: ReleasesTableState = { sort: state.sort, filters: {}, page: state.page };
      const f = out.filters as Record<string, unknown>;
      if (filters.statuses?.length) f.statuses = [...new Set(filters.statuses)];
      if (items(filters.flows).length) f.flows = items(filters.flows);
      if (filters.environment?.trim()) f.environment = filters.environment.trim();
      if (filters.from) f.from = filters.from;
      if (filters.to) f.to = filters.to;
      if (filters.query?.trim()) f.query = filters.query.trim();
      if (state.after) out.after = state.after;
      else if (state.before) out.before = state.before;
      if (items(state.hiddenColumns).length) out.hiddenColumns = items(state.hiddenColumns);
      return out;
    }

    it('reads back any valid state it wrote', () => {
      fc.assert(
        fc.property(stateArb, fc.constantFrom('', 'releases.', 'r_'), (state, prefix) => {
          const expected = normalised(state);
          expect(fromSearchParams(toSearchParams(state, { prefix }), { prefix })).toEqual(expected);
          expect(fromSearchParams(toSearchString(state, { prefix }), { prefix })).toEqual(expected);
          // And the normalised state writes a URL that reads back to the same URL.
          const once = toSearchString(expected, { prefix });
          expect(toSearchString(fromSearchParams(once, { prefix }), { prefix })).toBe(once);
        }),
        { numRuns: 500, seed: 20261124 },
      );
    });

    /** Whatever the input, the state is one a table can use. */
    function expectUsable(state: ReleasesTableState) {
      expect(Number.isInteger(state.page) && state.page >= 1).toBe(true);
      expect(SORT_KEYS).toContain(state.sort.key);
      expect(typeof state.sort.desc).toBe('boolean');
      const { statuses, flows, from, to, query, environment } = state.filters;
      if (statuses) {
        expect(statuses.length).toBeGreaterThan(0);
        for (const status of statuses) expect(STATUSES).toContain(status);
        expect(new Set(statuses).size).toBe(statuses.length);
      }
      // A flow may hold a comma (written escaped as %2C), never space at its ends.
      if (flows) for (const flow of flows) expect(flow === flow.trim() && flow !== '').toBe(true);
      if (from !== undefined) expect(validDay(from)).toBe(from);
      if (to !== undefined) expect(validDay(to)).toBe(to);
      if (from !== undefined && to !== undefined) expect(from <= to).toBe(true);
      if (query !== undefined) expect(query === query.trim() && query !== '').toBe(true);
      if (environment !== undefined) expect(environment === environment.trim() && environment !== '').toBe(true);
      expect(state.after !== undefined && state.before !== undefined).toBe(false);
    }

    // Any UTF-16 code unit, lone surrogates included.
    const codeUnitArb = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const anyTextArb = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: codeUnitArb }),
      // Pieces of real table URLs, so the parser's paths are reached, not just skipped.
      fc
        .array(
          fc.constantFrom('status', 'flow', 'env', 'from', 'to', 'q', 'sort', 'page', 'after', 'before', 'hide', '=', '&', '?', ',', '-', '%', '%2C', '%ZZ', '+',
            'failed', 'date', 'version', '2026-11-20', '2026-02-30', '0', '1', '9', '(manual)', ' ', 'releases.'),
          { maxLength: 30 },
        )
        .map((parts) => parts.join('')),
    );
    const KEYS = ['status', 'flow', 'env', 'from', 'to', 'q', 'sort', 'page', 'after', 'before', 'hide'];

    it('never throws on any query string, and reads a usable state', () => {
      fc.assert(
        fc.property(anyTextArb, fc.constantFrom('', 'releases.'), (input, prefix) => {
          expectUsable(fromSearchParams(input, { prefix }));
          expectUsable(fromSearchParams(`?${input}`, { prefix }));
        }),
        { numRuns: 1000, seed: 20261125 },
      );
    });

    it('never throws on any value of any param, and reads a usable state', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...KEYS), anyTextArb), (values) => {
          const params = new URLSearchParams(values);
          expectUsable(fromSearchParams(params));
          const raw = Object.entries(values).map(([key, value]) => `${key}=${value}`).join('&');
          expectUsable(fromSearchParams(raw));
        }),
        { numRuns: 1000, seed: 20261126 },
      );
    });
  });
});

describe('hasActiveFilters', () => {
  it.each<[string, ReleaseFilters]>([
    ['a status', { statuses: ['failed'] }],
    ['a flow', { flows: ['multi-env'] }],
    ['the manual flow', { flows: [MANUAL_FLOW] }],
    ['an environment', { environment: 'qa' }],
    ['a first day', { from: '2026-11-01' }],
    ['a last day', { to: '2026-11-20' }],
    ['a query', { query: 'fix' }],
    ['a query with spaces around it', { query: '  fix ' }],
  ])('is true for %s', (_, filters) => expect(hasActiveFilters(filters)).toBe(true));

  it.each<[string, ReleaseFilters]>([
    ['no filters', {}],
    ['empty lists', { statuses: [], flows: [] }],
    ['an empty query', { query: '' }],
    ['a blank query', { query: ' \t\n ' }],
    ['empty strings', { environment: '', from: '', to: '' }],
  ])('is false for %s', (_, filters) => expect(hasActiveFilters(filters)).toBe(false));

  it('does not count sorting, paging or hidden columns', () => {
    expect(hasActiveFilters(fromSearchParams('?sort=-version&page=4&hide=env:dev&after=x').filters)).toBe(false);
    expect(hasActiveFilters(fromSearchParams('?status=failed').filters)).toBe(true);
    expect(hasActiveFilters(fromSearchParams('?q=%20%20').filters)).toBe(false);
  });
});

describe('table details a reader notices', () => {
  const rowsOf = (...names: string[]) =>
    buildReleaseRows(names.map((name, i) => release({ id: `r${i}`, initiator: { name } })));

  it('sorts names without regard to case or accents', () => {
    const sorted = sortReleaseRows(rowsOf('Zoe', 'Émile', 'adam'), { key: 'initiator', desc: false });
    expect(sorted.map((row) => row.initiator)).toEqual(['adam', 'Émile', 'Zoe']);
  });

  it('sorts very long numbers in versions by value', () => {
    expect(naturalKey('v10000000000000') > naturalKey('v9999999999999')).toBe(true);
  });

  it('ignores a malformed day instead of hiding every release', () => {
    const rows = rowsOf('a', 'b');
    expect(filterReleaseRows(rows, { from: 'bogus', to: '2026-11-20 ' })).toHaveLength(2);
    expect(hasActiveFilters({ from: 'bogus' })).toBe(false);
    expect(hasActiveFilters({ environment: '  ' })).toBe(false);
  });

  it('reads the state from a URL or a location object', () => {
    expect(fromSearchParams(new URL('https://example.com/r?status=failed')).filters.statuses).toEqual(['failed']);
    expect(fromSearchParams({ search: '?q=fix' }).filters.query).toBe('fix');
    expect(() => fromSearchParams({} as never)).not.toThrow();
  });
});
