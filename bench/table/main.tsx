// The page bench/table/run.mjs drives in Chromium: ReleasesTable (from source) and a baseline that
// renders every row, with the measurements as window.__bench functions. Every loop runs here, in
// the page, so no DevTools round trip lands inside a timing.
import { createElement, memo, useMemo, useState, version as reactVersion } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  DEFAULT_SORT,
  DEFAULT_TABLE_STATE,
  MANUAL_FLOW,
  buildReleaseRows,
  environmentOrder,
  filterReleaseRows,
  hasEnvironmentGroups,
  queryReleaseRows,
  releaseColumns,
  releaseGroupRollups,
  sampleReleaseHistory,
  sortReleaseRows,
  type Release,
  type ReleaseColumn,
  type ReleaseRow,
  type ReleaseSort,
  type ReleaseSortKey,
} from 'gitops-releases/headless';
import { ReleasesProvider, ReleasesTable } from '../../src';
import { fleetHistory } from '../../test/fixtures/fleet';
import { releaseCell, tableMinWidth, useCellContext, type CellContext } from '../../src/components/ReleasesTable/cells';
import { TABLE_TEXT } from '../../src/components/ReleasesTable/text';
import { gc, heap, sleep } from '../page';
import '../../src/styles/index.css';

/** The table's height (ReleasesTable's default) and row height (its `comfortable` density). */
const HEIGHT = 560;
const ROW_HEIGHT = 44;
const COUNT = 10_000;
/** A fixed clock for the data, so every run has the same releases. */
const DATA_NOW = '2026-11-20T10:00:00.000Z';
/** Two more regions, so a release has 8 environment columns (regions has 6). */
const EXTRA_ENVIRONMENTS = ['prod-sa', 'prod-au'];

/**
 * 10,000 releases of the `regions` flow, each flow release given two more regions after
 * `production` (the status of `prod-eu`); manual promotions (one environment) stay as they are.
 * Built once, before anything is timed.
 */
function benchData(): Release[] {
  return sampleReleaseHistory({ count: COUNT, shape: 'regions', seed: 9, now: DATA_NOW }).map((release) => {
    const eu = release.environments.find((step) => step.name === 'prod-eu');
    if (!eu || !release.environments.some((step) => step.name === 'production')) return release;
    const extra = EXTRA_ENVIRONMENTS.map((name) => ({ ...eu, name, dependsOn: ['production'] }));
    return { ...release, environments: [...release.environments, ...extra] };
  });
}

const data = benchData();

/**
 * The fleet history (`prepareFleet`): releases of thousands of stores each, in waves of 12
 * regions (`wave-N/<region>`), built in the page before anything is timed.
 */
let fleet: Release[] = [];

/**
 * A new array of new release objects (sharing their environments): a table flattens the rows
 * again, and what it keeps per release object (the group rollups) starts cold, as with data a
 * host fetched anew.
 */
const fresh = (kind: Kind) => (kind === 'fleet' ? fleet : data).map((release) => ({ ...release }));

// ---------------------------------------------------------------------------------------------
// Baseline: the same table without virtualisation. Every matching row is a <tr>, with the same
// markup and cell components as ReleasesTable's rows (StatusBadge for the status, icon-only
// badges per environment), the same CSS classes and the same headless pipeline (buildReleaseRows,
// environmentOrder, queryReleaseRows, releaseColumns): only the rendering differs.

const DESCENDING_FIRST: ReadonlySet<ReleaseSortKey> = new Set(['date', 'duration']);

const BaselineRow = memo(function BaselineRow({ row, index, columns, context }: { row: ReleaseRow; index: number; columns: readonly ReleaseColumn[]; context: CellContext }) {
  return (
    <tr className="gr-releases-table__row" data-index={index} data-status={row.status} aria-rowindex={index + 2} tabIndex={-1} style={{ height: ROW_HEIGHT }}>
      {columns.map((column) => (
        <td key={column.id} className="gr-releases-table__td" data-column={column.kind === 'field' ? column.id : 'environment'}>
          {releaseCell(column, row, context)}
        </td>
      ))}
    </tr>
  );
});

function BaselineTable({ releases }: { releases: readonly Release[] }) {
  const [sort, setSort] = useState<ReleaseSort>(DEFAULT_SORT);
  const [query, setQuery] = useState('');
  const built = useMemo(() => {
    const rows = buildReleaseRows(releases);
    const flows = new Set<string>();
    for (const row of rows) flows.add(row.flow ?? MANUAL_FLOW);
    return { rows, order: environmentOrder(rows), flows: [...flows].sort() };
  }, [releases]);
  const matching = useMemo(() => queryReleaseRows(built.rows, { sort, filters: query ? { query } : {}, page: 1 }).rows, [built, sort, query]);
  const columns = useMemo(() => releaseColumns(matching, { environmentOrder: built.order }), [matching, built.order]);
  const context = useCellContext(undefined, undefined);
  const toggleSort = (key: ReleaseSortKey) =>
    setSort((current) => (current.key === key ? { key, desc: !current.desc } : { key, desc: DESCENDING_FIRST.has(key) }));
  return (
    <div className="gr-releases-table" data-state="ready" data-density="comfortable">
      <div className="gr-releases-table__filters">
        <input type="search" className="gr-releases-table__input" aria-label={TABLE_TEXT.search} value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      <div className="gr-releases-table__scroller" style={{ height: HEIGHT }}>
        <table
          className="gr-releases-table__table"
          aria-label={TABLE_TEXT.tableLabel}
          aria-rowcount={matching.length + 1}
          style={{ minWidth: tableMinWidth(columns) }}
        >
          <colgroup>
            {columns.map((column) => (
              <col key={column.id} className="gr-releases-table__col" data-column={column.kind === 'field' ? column.id : 'environment'} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((column) =>
                column.kind !== 'field' ? (
                  // The baseline's data has no groups: every such column is an environment's.
                  <th key={column.id} scope="col" className="gr-releases-table__th" data-kind={column.kind} title={column.kind === 'environment' ? column.environment : column.group}>
                    <span className="gr-releases-table__truncate">{column.kind === 'environment' ? column.environment : column.name}</span>
                  </th>
                ) : (
                  <th
                    key={column.id}
                    scope="col"
                    className="gr-releases-table__th"
                    data-column={column.id}
                    aria-sort={sort.key === column.sortKey ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  >
                    <button type="button" className="gr-releases-table__sort" onClick={() => toggleSort(column.sortKey)}>
                      <span className="gr-releases-table__truncate">{TABLE_TEXT.columns[column.id]}</span>
                    </button>
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {matching.map((row, index) => (
              <BaselineRow key={row.id} row={row} index={index} columns={columns} context={context} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

/** ReleasesTable on the 10,000 releases, the baseline on them, or ReleasesTable on the fleet. */
type Kind = 'ours' | 'baseline' | 'fleet';

function view(kind: Kind, releases: readonly Release[]) {
  return <ReleasesProvider>{kind === 'baseline' ? <BaselineTable releases={releases} /> : <ReleasesTable releases={releases} height={HEIGHT} />}</ReleasesProvider>;
}

const frames = (count: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });
/** Resolves in a task of its own: after the rendering task (style, layout, paint) now under way. */
const afterTask = () =>
  new Promise<number>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
/**
 * The next frame: when its requestAnimationFrame callbacks start, and when its rendering task
 * (rAF callbacks, style, layout, ResizeObserver callbacks, paint) is done.
 */
const nextFrame = () =>
  new Promise<{ start: number; end: number }>((resolve) =>
    requestAnimationFrame(() => {
      const start = performance.now();
      void afterTask().then((end) => resolve({ start, end }));
    }),
  );


interface Timing {
  /** The synchronous part: flushSync(…) until it returns, committed (effects included). */
  commit: number;
  /** The next frame's rendering task after the commit: rAF callbacks, style, layout, paint. */
  render: number;
  /** Wall clock until that frame's rendering is done (so with the wait for the frame). */
  paint: number;
  /** Wall clock until two requestAnimationFrames after the commit. */
  frames: number;
}

/**
 * Times `action` (which commits synchronously) from a quiet point right after a frame's
 * rendering, as an input event arrives: the commit, the next frame's rendering, the wall clock
 * until that frame is painted, and until two requestAnimationFrames later.
 */
async function timed(action: () => void): Promise<Timing> {
  await frames(1);
  await afterTask();
  const t0 = performance.now();
  action();
  const t1 = performance.now();
  const frame = await nextFrame();
  await frames(1);
  const t2 = performance.now();
  return { commit: t1 - t0, render: frame.end - frame.start, paint: frame.end - t0, frames: t2 - t0 };
}

const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;

interface Mounted {
  container: HTMLDivElement;
  root: Root;
  render: (releases: readonly Release[]) => void;
  scroller: () => HTMLElement;
  tbody: () => HTMLTableSectionElement;
  /** Rows the table says match (aria-rowcount less the header row). */
  matching: () => number;
  /** A click on a column header's sort button, committed synchronously. */
  sortBy: (key: ReleaseSortKey) => void;
  /** Types into the search box the way React sees it: native value setter + an `input` event. */
  type: (value: string) => void;
  /** A click on a group column's button (expand or collapse), committed synchronously. */
  toggleGroup: (group: string) => void;
  unmount: () => void;
}

function mountPoint(kind: Kind): Mounted {
  const container = document.createElement('div');
  container.className = 'bench-host';
  document.body.append(container);
  const root = createRoot(container);
  const find = <T extends Element>(selector: string): T => {
    const element = container.querySelector<T>(selector);
    if (!element) throw new Error(`${kind}: no ${selector}`);
    return element;
  };
  return {
    container,
    root,
    render: (releases) => flushSync(() => root.render(view(kind, releases))),
    scroller: () => find<HTMLElement>('.gr-releases-table__scroller'),
    tbody: () => find<HTMLTableSectionElement>('tbody'),
    matching: () => Number(find('table').getAttribute('aria-rowcount')) - 1,
    sortBy: (key) => {
      const button = find<HTMLButtonElement>(`th[data-column="${key}"] button`);
      flushSync(() => button.click());
    },
    type: (value) => {
      const input = find<HTMLInputElement>('input[type="search"]');
      flushSync(() => {
        valueSetter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    toggleGroup: (group) => {
      const button = find<HTMLButtonElement>(`th button[aria-label="${CSS.escape(group)}"]`);
      flushSync(() => button.click());
    },
    unmount: () => {
      flushSync(() => root.unmount());
      container.remove();
    },
  };
}

/** Body rows in the DOM (spacer rows included) and the data rows among them. */
function rowCounts(tbody: HTMLTableSectionElement) {
  let data = 0;
  for (const row of tbody.children) if (row.hasAttribute('data-index')) data += 1;
  return { all: tbody.children.length, data };
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The table the session parts (sorts, keystrokes, scroll) run on. */
let session: { kind: Kind; mounted: Mounted } | undefined;
const current = () => {
  if (!session) throw new Error('no table open: call open() first');
  return session.mounted;
};

const api = {
  ready: true as const,

  info() {
    const environments = new Set<string>();
    for (const release of data) for (const step of release.environments) environments.add(step.name);
    return {
      react: reactVersion,
      // React elements carry `_store` only in React's development build.
      reactBuild: '_store' in (createElement('div') as object) ? 'development' : 'production',
      userAgent: navigator.userAgent,
      cores: navigator.hardwareConcurrency,
      gc: typeof (window as { gc?: unknown }).gc === 'function',
      preciseMemory: 'memory' in performance,
      releases: data.length,
      environments: [...environments],
      withExtraEnvironments: data.filter((release) => release.environments.some((step) => step.name === EXTRA_ENVIRONMENTS[0])).length,
    };
  },

  /** Builds the fleet history (untimed): `count` releases of `stores` stores each. */
  prepareFleet(count: number, stores: number) {
    fleet = fleetHistory({ count, stores, end: DATA_NOW });
    const rows = buildReleaseRows(fleet);
    const columns = releaseColumns(rows);
    return {
      releases: fleet.length,
      environments: fleet[0]!.environments.length,
      total: fleet.reduce((sum, release) => sum + release.environments.length, 0),
      columns: columns.length,
      groups: columns.flatMap((column) => (column.kind === 'group' ? [column.group] : [])),
    };
  },

  /**
   * Mounts of the 10,000 releases (or the fleet): a fresh root and fresh release objects
   * (`fresh(kind)`, so the rows and the rollups are built again) per run, unmounted and garbage-collected between runs. Timed from
   * flushSync(render) until two animation frames later. Then, on the same mount and untimed for
   * the mount, the first sort (by version: builds the version keys) and the first keystroke
   * ('' → 'a': builds the search text of every row), each timed as the session's ones are.
   */
  async mount(kind: Kind, runs: number, warmups: number, options: { sort: boolean; keystroke: boolean }) {
    const mount: Timing[] = [];
    const firstSort: Timing[] = [];
    const firstKey: Timing[] = [];
    const unmount: number[] = [];
    let rows = { all: 0, data: 0 };
    let elements = 0;
    let heapMounted = Number.NaN;
    let columns = 0;
    for (let i = 0; i < warmups + runs; i++) {
      const releases = fresh(kind);
      const mounted = mountPoint(kind);
      const heapBefore = await heap();
      performance.mark(`bench:mount:${kind}:start`);
      const timing = await timed(() => mounted.render(releases));
      performance.mark(`bench:mount:${kind}:end`);
      const last = i === warmups + runs - 1;
      if (last) {
        rows = rowCounts(mounted.tbody());
        elements = mounted.container.getElementsByTagName('*').length;
        columns = mounted.container.querySelectorAll('thead th').length;
        heapMounted = (await heap()) - heapBefore;
      }
      const sort = options.sort ? await timed(() => mounted.sortBy('version')) : undefined;
      const key = options.keystroke ? await timed(() => mounted.type('a')) : undefined;
      const t0 = performance.now();
      mounted.unmount();
      const unmountMs = performance.now() - t0;
      if (i >= warmups) {
        mount.push(timing);
        if (sort) firstSort.push(sort);
        if (key) firstKey.push(key);
        unmount.push(unmountMs);
      }
    }
    await heap();
    return { mount, firstSort, firstKey, unmount, rows, elements, columns, heapMounted };
  },

  /** rAF-to-rAF intervals while nothing else runs: the page's frame cadence. */
  async cadence(count: number) {
    const intervals: number[] = [];
    await new Promise<void>((resolve) => {
      let last = 0;
      const tick = (time: number) => {
        if (last > 0) intervals.push(time - last);
        last = time;
        if (intervals.length === count) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return intervals;
  },

  /** Mounts a table for the session parts (untimed) and lets it settle. */
  async open(kind: Kind) {
    api.close();
    const mounted = mountPoint(kind);
    mounted.render(fresh(kind));
    await frames(3);
    await sleep(300);
    session = { kind, mounted };
    return { matching: mounted.matching(), rows: rowCounts(mounted.tbody()) };
  },

  close() {
    session?.mounted.unmount();
    session = undefined;
  },

  /** Sorts by clicking the Version and Date headers in turn (ascending version, newest first). */
  async sorts(count: number, warmup: number) {
    const mounted = current();
    mounted.scroller().scrollTop = 0;
    await frames(2);
    const byKey: Record<string, Timing[]> = { version: [], date: [] };
    for (let i = 0; i < warmup + count; i++) {
      const key = i % 2 === 0 ? 'version' : 'date';
      const timing = await timed(() => mounted.sortBy(key));
      if (i >= warmup) byKey[key]!.push(timing);
    }
    const header = mounted.container.querySelector('th[data-column="date"]')?.getAttribute('aria-sort');
    return { all: [...byKey.version!, ...byKey.date!], byKey, dateSortAtEnd: header };
  },

  /**
   * Expands and collapses a group column in turn (`group`, a wave: its 12 regions' columns come
   * and go), then, with it open, one of its regions (`region`: its stores' columns).
   */
  async expands(count: number, warmup: number, group: string, region: string) {
    const mounted = current();
    mounted.scroller().scrollTop = 0;
    await frames(2);
    const wave: Record<'open' | 'close', Timing[]> = { open: [], close: [] };
    const stores: Record<'open' | 'close', Timing[]> = { open: [], close: [] };
    let columns = { wave: 0, stores: 0 };
    for (let i = 0; i < 2 * (warmup + count); i++) {
      const timing = await timed(() => mounted.toggleGroup(group));
      if (i % 2 === 0) columns.wave = mounted.container.querySelectorAll('thead th').length;
      if (i >= 2 * warmup) wave[i % 2 === 0 ? 'open' : 'close'].push(timing);
    }
    mounted.toggleGroup(group);
    await frames(2);
    for (let i = 0; i < 2 * (warmup + count); i++) {
      const timing = await timed(() => mounted.toggleGroup(region));
      if (i % 2 === 0) columns = { ...columns, stores: mounted.container.querySelectorAll('thead th').length };
      if (i >= 2 * warmup) stores[i % 2 === 0 ? 'open' : 'close'].push(timing);
    }
    mounted.toggleGroup(group);
    await frames(2);
    return { wave, stores, columns, rows: rowCounts(mounted.tbody()) };
  },

  /**
   * One more character in a search box that holds 'ad' ('ad' → 'ada'), put back to 'ad' (untimed)
   * between runs. The search text of the rows is built by the untimed 'a' and 'ad' first.
   */
  async keystrokes(count: number, warmup: number) {
    const mounted = current();
    mounted.scroller().scrollTop = 0;
    mounted.type('a');
    mounted.type('ad');
    await frames(2);
    const before = mounted.matching();
    const times: Timing[] = [];
    let after = 0;
    for (let i = 0; i < warmup + count; i++) {
      const timing = await timed(() => mounted.type('ada'));
      after = mounted.matching();
      if (i >= warmup) times.push(timing);
      mounted.type('ad');
      await frames(1);
    }
    mounted.type('');
    await frames(2);
    return { times, before, after };
  },

  /**
   * Scrolls the table's scroll box down through `rows` rows, `step` rows per frame (scrollTop set
   * in a requestAnimationFrame callback), from the top. Per frame: the rAF-to-rAF interval, the
   * scroll event's listeners (the virtualizer's re-render), the body rows in the DOM and whether
   * they cover the view once the scroll event was handled.
   */
  async scroll(rows: number, step: number) {
    const mounted = current();
    const scroller = mounted.scroller();
    const tbody = mounted.tbody();
    scroller.scrollTop = 0;
    await frames(2);
    await sleep(300);
    const firstRow = tbody.querySelector<HTMLElement>('tr[data-index]');
    const rowHeight = firstRow?.getBoundingClientRect().height || ROW_HEIGHT;
    const headerHeight = mounted.container.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    // Listeners on the scroll box: capture ones run before the table's own, later-added bubbling
    // ones after it, so the pair brackets the virtualizer's handler (and the render it flushes).
    const handler: number[] = [];
    let handlerStart = 0;
    const onCapture = () => {
      handlerStart = performance.now();
    };
    const onBubble = () => {
      handler.push(performance.now() - handlerStart);
    };
    scroller.addEventListener('scroll', onCapture, { capture: true, passive: true });
    scroller.addEventListener('scroll', onBubble, { passive: true });
    const steps = Math.ceil(rows / step);
    const intervals: number[] = [];
    const work: number[] = [];
    let maxRows = 0;
    let maxDataRows = 0;
    let uncovered = 0;
    const dataRow = (element: Element | null, forward: boolean): HTMLElement | null => {
      let row = element;
      while (row && !row.hasAttribute('data-index')) row = forward ? row.nextElementSibling : row.previousElementSibling;
      return row as HTMLElement | null;
    };
    await new Promise<void>((resolve) => {
      let i = 0;
      let last = 0;
      const tick = (time: number) => {
        const start = performance.now();
        if (i > 0) {
          intervals.push(time - last);
          // What the DOM holds now, after this frame's scroll event: covering the view?
          const counts = rowCounts(tbody);
          maxRows = Math.max(maxRows, counts.all);
          maxDataRows = Math.max(maxDataRows, counts.data);
          const top = scroller.scrollTop;
          const firstVisible = Math.floor(top / rowHeight);
          const lastVisible = Math.floor((top + scroller.clientHeight - headerHeight - 1) / rowHeight);
          const first = Number(dataRow(tbody.firstElementChild, true)?.dataset.index ?? Number.NaN);
          const lastIndex = Number(dataRow(tbody.lastElementChild, false)?.dataset.index ?? Number.NaN);
          if (!(first <= firstVisible && lastIndex >= lastVisible)) uncovered += 1;
        }
        last = time;
        if (i === steps) return resolve();
        i += 1;
        scroller.scrollTop = Math.min(rows, i * step) * rowHeight;
        work.push(performance.now() - start);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    scroller.removeEventListener('scroll', onCapture, { capture: true });
    scroller.removeEventListener('scroll', onBubble);
    await frames(2);
    await sleep(300);
    const settled = rowCounts(tbody);
    maxRows = Math.max(maxRows, settled.all);
    maxDataRows = Math.max(maxDataRows, settled.data);
    const reached = Number(dataRow(tbody.lastElementChild, false)?.dataset.index ?? Number.NaN);
    scroller.scrollTop = 0;
    await frames(2);
    return { intervals, handler, maxRows, maxDataRows, settled, uncovered, rowHeight, scrollTop: Math.min(rows, steps * step) * rowHeight, reached, bookkeepingMs: medianOf(work) };
  },

  /**
   * The headless parts of ReleasesTable's memos alone, on the same data (fresh rows per rep, so
   * the lazily built search text and version keys are cold where it says first).
   */
  breakdown(reps: number) {
    const parts = new Map<string, number[]>();
    const time = <T,>(name: string, fn: () => T): T => {
      const t0 = performance.now();
      const result = fn();
      const list = parts.get(name) ?? [];
      list.push(performance.now() - t0);
      parts.set(name, list);
      return result;
    };
    for (let i = 0; i < reps; i++) {
      gc();
      const rows = time('buildReleaseRows, 10,000 releases', () => buildReleaseRows(fresh('ours')));
      const order = time('environmentOrder', () => environmentOrder(rows));
      time('hasEnvironmentGroups (none: every environment read once per release)', () => hasEnvironmentGroups(rows));
      time('flows (a Set of row.flow, sorted)', () => {
        const flows = new Set<string>();
        for (const row of rows) flows.add(row.flow ?? MANUAL_FLOW);
        return [...flows].sort();
      });
      const all = time('queryReleaseRows, no filter, newest first', () => queryReleaseRows(rows, DEFAULT_TABLE_STATE));
      time('releaseColumns of 10,000 rows (given the order)', () => releaseColumns(all.matching, { environmentOrder: order }));
      time('sortReleaseRows by version, first (builds version keys)', () => sortReleaseRows(rows, { key: 'version', desc: false }));
      time('sortReleaseRows by version, again', () => sortReleaseRows(rows, { key: 'version', desc: false }));
      time('sortReleaseRows by date', () => sortReleaseRows(rows, { key: 'date', desc: true }));
      time("filterReleaseRows 'a', first (builds search text)", () => filterReleaseRows(rows, { query: 'a' }));
      time("filterReleaseRows 'ada', again", () => filterReleaseRows(rows, { query: 'ada' }));
      const ada = time("queryReleaseRows 'ada', newest first", () => queryReleaseRows(rows, { ...DEFAULT_TABLE_STATE, filters: { query: 'ada' } }));
      time("releaseColumns of the 'ada' matches", () => releaseColumns(ada.matching, { environmentOrder: order }));
    }
    return [...parts].map(([part, values]) => ({ part, median: medianOf(values), min: Math.min(...values) }));
  },

  /**
   * The headless parts on the fleet (`prepareFleet` first), with new release objects per rep so
   * what is kept per release object (the group structure, the rollups) starts cold.
   */
  fleetBreakdown(reps: number) {
    const parts = new Map<string, number[]>();
    const time = <T,>(name: string, fn: () => T): T => {
      const t0 = performance.now();
      const result = fn();
      const list = parts.get(name) ?? [];
      list.push(performance.now() - t0);
      parts.set(name, list);
      return result;
    };
    const n = fleet.length;
    for (let i = 0; i < reps; i++) {
      gc();
      const rows = time(`buildReleaseRows, ${n} releases`, () => buildReleaseRows(fresh('fleet')));
      const order = time('environmentOrder', () => environmentOrder(rows));
      time('hasEnvironmentGroups, new release objects (each read, the structure shared)', () => hasEnvironmentGroups(rows));
      time('hasEnvironmentGroups, again (kept per release)', () => hasEnvironmentGroups(rows));
      const all = time('queryReleaseRows, no filter, newest first', () => queryReleaseRows(rows, DEFAULT_TABLE_STATE));
      time('releaseColumns, every group collapsed', () => releaseColumns(all.matching, { environmentOrder: order }));
      time('releaseColumns, wave-2 and wave-2/eu-west expanded', () => releaseColumns(all.matching, { environmentOrder: order, expandedGroups: ['wave-2', 'wave-2/eu-west'] }));
      time('releaseGroupRollups of the first 20 releases (a screen of rows), cold', () => all.matching.slice(0, 20).forEach((row) => releaseGroupRollups(row.release)));
      time(`releaseGroupRollups of the other ${n - 20}, cold`, () => all.matching.slice(20).forEach((row) => releaseGroupRollups(row.release)));
      time(`releaseGroupRollups of all ${n}, again (kept per release)`, () => all.matching.forEach((row) => releaseGroupRollups(row.release)));
      time("filterReleaseRows by group 'wave-2'", () => filterReleaseRows(rows, { group: 'wave-2' }));
    }
    return [...parts].map(([part, values]) => ({ part, median: medianOf(values), min: Math.min(...values) }));
  },
};

export type TableBenchApi = typeof api;

// Not declared on Window: bench/graph/main.tsx declares its own __bench type there.
(window as unknown as { __bench: TableBenchApi }).__bench = api;
