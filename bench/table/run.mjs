// ReleasesTable measured in real Chromium on 10,000 releases x 8 environment columns: mounts,
// sorting, a filter keystroke and scrolling, each against a baseline that renders every row (same
// cells, same headless sorting and filtering, no virtualisation), and the headless parts alone.
// Then the same table on a fleet: 200 releases of 2,000 (or --fleet=N) stores in waves of 12
// regions, shown as group columns, with expanding a wave and a region timed too, side by side.
// Serves bench/table/ with Vite (the library from source, React's production build) and drives it
// with playwright-core and Debian's Chromium.
// Run with `npm run bench:table`. Numbers go to bench/README.md by hand.
//
// Options:
//   --only=mount,sort,filter,scroll,breakdown,fleet   run some parts only (default: all)
//   --fleet=<stores>                            stores per fleet release (default 2000)
//   --fleet-releases=<count>                    releases in the fleet history (default 200)
//   --no-baseline                               ReleasesTable only (the baseline takes most of the time)
//   --scroll-step=<rows>                        rows scrolled per frame (default 40)
//   --dev                                       React's development build instead of production
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mb, median, ms, percentile, startBenchPage } from '../lib.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const dev = args.includes('--dev');
const withBaseline = !args.includes('--no-baseline');
const only = new Set((option('only') ?? 'mount,sort,filter,scroll,breakdown,fleet').split(','));
const FLEET_STORES = Number(option('fleet') ?? 2_000);
const FLEET_RELEASES = Number(option('fleet-releases') ?? 200);
/** The fleet's runs: fewer than the flat table's (each mount reads every environment once). */
const FLEET_RUNS = { mount: 7, mountWarmup: 1, sorts: 10, sortWarmup: 2, keys: 10, keyWarmup: 2, expands: 8, expandWarmup: 1, scrollStep: 4 };

/**
 * Runs per table. The baseline takes about 14 s per mount and per sort (2-3 s to commit, the rest
 * the browser's style, layout and paint of 650,000 elements), so it gets few runs, no warm-up
 * mount (ReleasesTable's runs warmed up the code both share), no first sort after its mounts, and
 * scrolls 1,000 rows (25 frames, ~0.7 s each) instead of 5,000: the whole run stays under ~4 minutes.
 */
const RUNS = {
  ours: { mount: 15, mountWarmup: 2, firstSort: true, sorts: 20, sortWarmup: 2, keys: 20, keyWarmup: 2, scrollRows: 5_000 },
  baseline: { mount: 3, mountWarmup: 0, firstSort: false, sorts: 2, sortWarmup: 0, keys: 3, keyWarmup: 1, scrollRows: 1_000 },
};
const SCROLL_STEP = Number(option('scroll-step') ?? 40);
const BREAKDOWN_REPS = 7;
const TARGETS = { mount: 150, speedup: 20, sort: 30, keystroke: 16, rows: 80 };

const root = fileURLToPath(new URL('.', import.meta.url));
const pick = (timings, key) => timings.map((timing) => timing[key]);
const label = (kind) => (kind === 'ours' ? 'ReleasesTable' : 'baseline (every row)');

/** Commit + the next frame's rendering: the main-thread work until the change is painted. */
const work = (timings) => timings.map((timing) => timing.commit + timing.render);

/** A table row of timings (medians; p95 of the two-rAF time). */
function timingRow(name, timings, notes = '') {
  return {
    case: name,
    runs: timings.length,
    'commit ms': ms(median(pick(timings, 'commit'))),
    'commit + next frame ms': ms(median(work(timings))),
    'next paint ms': ms(median(pick(timings, 'paint'))),
    'two rAFs ms': ms(median(pick(timings, 'frames'))),
    'two rAFs p95 ms': ms(percentile(pick(timings, 'frames'), 95)),
    notes,
  };
}

let bench;
try {
  bench = await startBenchPage({
    name: 'table',
    root,
    dev,
    include: ['@tanstack/react-virtual', '@xyflow/react', '@dagrejs/dagre', '@radix-ui/react-tabs'],
  });
  const { browser } = bench;
  const page = await bench.openPage();
  // No evaluate may time out: a baseline mount of 10,000 rows takes seconds.
  page.setDefaultTimeout(0);

  const info = await page.evaluate(() => globalThis.__bench.info());
  console.log(
    `Chromium ${browser.version()}, React ${info.react} (${info.reactBuild} build), node ${process.version}, ${cpus().length} cores;` +
      ` gc exposed: ${info.gc}, precise memory: ${info.preciseMemory}`,
  );
  console.log(
    `  data: ${info.releases} releases, environments ${info.environments.join(', ')} (${info.withExtraEnvironments} releases with prod-sa and prod-au)`,
  );
  if (!info.gc) console.log('warning: no window.gc: runs are not garbage-collected in between.');

  const loadBefore = loadavg()[0];
  const rows = [];
  const warnings = [];
  const results = { ours: {}, baseline: {} };
  const kinds = withBaseline ? ['ours', 'baseline'] : ['ours'];
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

  if (only.has('mount')) {
    for (const kind of kinds) {
      const runs = RUNS[kind];
      const result = await page.evaluate(
        ([k, n, warmups, options]) => globalThis.__bench.mount(k, n, warmups, options),
        [kind, runs.mount, runs.mountWarmup, { sort: only.has('sort') && runs.firstSort, keystroke: only.has('filter') }],
      );
      results[kind].mount = result;
      rows.push(
        timingRow(
          `mount, 10,000 releases, ${label(kind)}`,
          result.mount,
          `${result.columns} columns; ${result.rows.all} body rows in the DOM (${result.rows.data} data rows); ${result.elements.toLocaleString('en-US')} elements;` +
            ` heap +${mb(result.heapMounted)}; unmount ${ms(median(result.unmount))} ms`,
        ),
      );
      if (result.firstSort.length > 0) rows.push(timingRow(`first sort after mount (version), ${label(kind)}`, result.firstSort, 'builds the version keys'));
      if (result.firstKey.length > 0) rows.push(timingRow(`first keystroke after mount ('' → 'a'), ${label(kind)}`, result.firstKey, 'builds the search text of 10,000 rows'));
      console.log(`  mount ${kind} done (${elapsed()})`);
    }
  }

  const session = ['sort', 'filter', 'scroll'].filter((part) => only.has(part));
  if (session.length > 0) {
    for (const kind of kinds) {
      const runs = RUNS[kind];
      const opened = await page.evaluate((k) => globalThis.__bench.open(k), kind);
      if (opened.matching !== 10_000) warnings.push(`${kind}: the table shows ${opened.matching} rows, not 10,000`);
      if (only.has('scroll')) {
        const s = await page.evaluate(([count, step]) => globalThis.__bench.scroll(count, step), [runs.scrollRows, SCROLL_STEP]);
        results[kind].scroll = s;
        rows.push({
          case: `scroll ${runs.scrollRows.toLocaleString('en-US')} rows, ${SCROLL_STEP} per frame, ${label(kind)}`,
          runs: s.intervals.length,
          'commit ms': '',
          'commit + next frame ms': '',
          'next paint ms': '',
          'two rAFs ms': '',
          'two rAFs p95 ms': '',
          notes:
            `frame (rAF to rAF): median ${ms(median(s.intervals))}, p95 ${ms(percentile(s.intervals, 95))}, max ${ms(Math.max(...s.intervals))} ms,` +
            ` ${s.intervals.filter((t) => t > 25).length} frames > 25 ms; scroll handler median ${ms(median(s.handler))}, p95 ${ms(percentile(s.handler, 95))} ms` +
            ` (${s.handler.length} events); at most ${s.maxRows.toLocaleString('en-US')} body rows in the DOM (${s.maxDataRows.toLocaleString('en-US')} data rows);` +
            ` ${s.uncovered} frames with the view not covered; last row ${s.reached}`,
        });
        if (kind === 'ours' && s.uncovered > 0) warnings.push(`scroll: ${s.uncovered} frames where ReleasesTable's rows did not cover the view after the scroll event`);
        console.log(`  scroll ${kind} done (${elapsed()})`);
      }
      if (only.has('sort')) {
        const s = await page.evaluate(([n, warmup]) => globalThis.__bench.sorts(n, warmup), [runs.sorts, runs.sortWarmup]);
        results[kind].sorts = s;
        rows.push(
          timingRow(
            `sort 10,000 (Version, Date headers in turn), ${label(kind)}`,
            s.all,
            `version: commit ${ms(median(pick(s.byKey.version, 'commit')))} ms, date: ${ms(median(pick(s.byKey.date, 'commit')))} ms`,
          ),
        );
        if (s.dateSortAtEnd !== 'descending') warnings.push(`${kind}: after the sorts the Date header is ${s.dateSortAtEnd}, not descending`);
        console.log(`  sorts ${kind} done (${elapsed()})`);
      }
      if (only.has('filter')) {
        const s = await page.evaluate(([n, warmup]) => globalThis.__bench.keystrokes(n, warmup), [runs.keys, runs.keyWarmup]);
        results[kind].keys = s;
        rows.push(timingRow(`keystroke 'ad' → 'ada', ${label(kind)}`, s.times, `${s.before.toLocaleString('en-US')} → ${s.after.toLocaleString('en-US')} matching rows`));
        console.log(`  keystrokes ${kind} done (${elapsed()})`);
      }
      await page.evaluate(() => globalThis.__bench.close());
    }
  }

  if (rows.length > 0) console.table(rows);

  if (only.has('breakdown')) {
    const parts = await page.evaluate((reps) => globalThis.__bench.breakdown(reps), BREAKDOWN_REPS);
    console.log(`The headless parts alone, 10,000 releases (median and min of ${BREAKDOWN_REPS}):`);
    console.table(parts.map(({ part, median: m, min }) => ({ part, 'median ms': ms(m), 'min ms': ms(min) })));
    console.log(`  breakdown done (${elapsed()})`);
  }

  const checks = [];
  const { ours, baseline } = results;
  if (ours.mount) {
    const value = median(pick(ours.mount.mount, 'frames'));
    checks.push([`ReleasesTable mount of 10,000 releases < ${TARGETS.mount} ms (median, until two rAFs)`, value < TARGETS.mount, `${ms(value)} ms`]);
    if (baseline.mount) {
      const speedup = median(pick(baseline.mount.mount, 'frames')) / value;
      checks.push([`mount >= ${TARGETS.speedup}x faster than the baseline (medians)`, speedup >= TARGETS.speedup, `${speedup.toFixed(1)}x`]);
    }
  }
  // Sort: until the sorted rows are painted, i.e. the commit plus the next frame's rendering (two
  // rAFs cannot come in under 30 ms: the second is a whole frame after the first). The wall
  // clock to the next paint and to two rAFs are shown beside it.
  const detail = (timings) =>
    `commit ${ms(median(pick(timings, 'commit')))} ms, + next frame ${ms(median(work(timings)))} ms, next paint ${ms(median(pick(timings, 'paint')))} ms, two rAFs ${ms(median(pick(timings, 'frames')))} ms`;
  if (ours.sorts) {
    const value = median(work(ours.sorts.all));
    checks.push([`sort of 10,000 < ${TARGETS.sort} ms (median commit + next frame)`, value < TARGETS.sort, detail(ours.sorts.all)]);
  }
  if (ours.mount?.firstSort.length) {
    const value = median(work(ours.mount.firstSort));
    checks.push([`first sort after mount < ${TARGETS.sort} ms (median commit + next frame)`, value < TARGETS.sort, detail(ours.mount.firstSort)]);
  }
  // Keystroke: the synchronous commit (React's work for the input event), the next frame beside it.
  if (ours.keys) {
    const value = median(pick(ours.keys.times, 'commit'));
    checks.push([`filter keystroke < ${TARGETS.keystroke} ms (median commit)`, value < TARGETS.keystroke, detail(ours.keys.times)]);
  }
  if (ours.mount?.firstKey.length) {
    const value = median(pick(ours.mount.firstKey, 'commit'));
    checks.push([`first keystroke after mount < ${TARGETS.keystroke} ms (median commit)`, value < TARGETS.keystroke, detail(ours.mount.firstKey)]);
  }
  if (ours.scroll) {
    const value = ours.scroll.maxRows;
    checks.push([`at most ${TARGETS.rows} body rows in the DOM while scrolling`, value <= TARGETS.rows, `${value} (${ours.scroll.maxDataRows} data rows)`]);
  }
  if (only.has('fleet')) {
    const prepared = await page.evaluate(([count, stores]) => globalThis.__bench.prepareFleet(count, stores), [FLEET_RELEASES, FLEET_STORES]);
    console.log(
      `  fleet: ${prepared.releases} releases of ${prepared.environments.toLocaleString('en-US')} environments (${prepared.total.toLocaleString('en-US')} in all);` +
        ` ${prepared.columns} columns, groups ${prepared.groups.join(', ')}`,
    );
    const runs = FLEET_RUNS;
    const mounted = await page.evaluate(([n, warmups]) => globalThis.__bench.mount('fleet', n, warmups, { sort: true, keystroke: true }), [runs.mount, runs.mountWarmup]);
    results.fleet = { mount: mounted };
    const fleetRows = [
      timingRow(
        `mount, fleet`,
        mounted.mount,
        `${mounted.columns} columns; ${mounted.rows.all} body rows (${mounted.rows.data} data rows); ${mounted.elements.toLocaleString('en-US')} elements; heap +${mb(mounted.heapMounted)}`,
      ),
      timingRow('first sort after mount (version), fleet', mounted.firstSort),
      timingRow("first keystroke after mount ('' → 'a'), fleet", mounted.firstKey),
    ];
    console.log(`  fleet mount done (${elapsed()})`);
    await page.evaluate(() => globalThis.__bench.open('fleet'));
    const scrollRows = FLEET_RELEASES - 10;
    const scrolled = await page.evaluate(([count, step]) => globalThis.__bench.scroll(count, step), [scrollRows, runs.scrollStep]);
    results.fleet.scroll = scrolled;
    fleetRows.push({
      case: `scroll ${scrollRows} rows, ${runs.scrollStep} per frame, fleet`,
      runs: scrolled.intervals.length,
      notes: `frame median ${ms(median(scrolled.intervals))}, p95 ${ms(percentile(scrolled.intervals, 95))} ms; scroll handler median ${ms(median(scrolled.handler))} ms; at most ${scrolled.maxRows} body rows; ${scrolled.uncovered} frames not covered`,
    });
    const sorts = await page.evaluate(([n, warmup]) => globalThis.__bench.sorts(n, warmup), [runs.sorts, runs.sortWarmup]);
    results.fleet.sorts = sorts;
    fleetRows.push(timingRow('sort (Version, Date headers in turn), fleet', sorts.all));
    const keys = await page.evaluate(([n, warmup]) => globalThis.__bench.keystrokes(n, warmup), [runs.keys, runs.keyWarmup]);
    results.fleet.keys = keys;
    fleetRows.push(timingRow("keystroke 'ad' → 'ada', fleet", keys.times, `${keys.before} → ${keys.after} matching rows`));
    const expands = await page.evaluate(([n, warmup]) => globalThis.__bench.expands(n, warmup, 'wave-2', 'wave-2/eu-west'), [runs.expands, runs.expandWarmup]);
    results.fleet.expands = expands;
    fleetRows.push(timingRow('expand wave-2 (12 region columns), fleet', expands.wave.open, `${expands.columns.wave} header cells open`));
    fleetRows.push(timingRow('collapse wave-2, fleet', expands.wave.close));
    fleetRows.push(timingRow('expand wave-2/eu-west (its stores), fleet', expands.stores.open, `${expands.columns.stores} header cells open`));
    fleetRows.push(timingRow('collapse wave-2/eu-west, fleet', expands.stores.close));
    await page.evaluate(() => globalThis.__bench.close());
    console.table(fleetRows);
    console.log(`  fleet session done (${elapsed()})`);
    if (only.has('breakdown')) {
      const parts = await page.evaluate((reps) => globalThis.__bench.fleetBreakdown(reps), BREAKDOWN_REPS);
      console.log(`The headless parts alone, the fleet (median and min of ${BREAKDOWN_REPS}):`);
      console.table(parts.map(({ part, median: m, min }) => ({ part, 'median ms': ms(m), 'min ms': ms(min) })));
    }

    // Side by side: the flat table (10,000 releases x 8 environments) and the fleet, this run.
    const cell = (timings, key = 'work') => (timings?.length ? ms(median(key === 'work' ? work(timings) : pick(timings, key))) : '');
    const flat = results.ours;
    const fleetResult = results.fleet;
    const side = [
      ['mount: commit + next frame (commit) ms', flat.mount && `${cell(flat.mount.mount)} (${cell(flat.mount.mount, 'commit')})`, `${cell(fleetResult.mount.mount)} (${cell(fleetResult.mount.mount, 'commit')})`],
      ['mount: two rAFs ms', flat.mount && cell(flat.mount.mount, 'frames'), cell(fleetResult.mount.mount, 'frames')],
      ['first sort after mount: commit + next frame ms', flat.mount && cell(flat.mount.firstSort), cell(fleetResult.mount.firstSort)],
      ['sort: commit + next frame ms', flat.sorts && cell(flat.sorts.all), cell(fleetResult.sorts.all)],
      ['keystroke: commit ms', flat.keys && cell(flat.keys.times, 'commit'), cell(fleetResult.keys.times, 'commit')],
      ['scroll: frame median ms', flat.scroll && ms(median(flat.scroll.intervals)), ms(median(fleetResult.scroll.intervals))],
      ['scroll: most body rows in the DOM', flat.scroll?.maxRows, fleetResult.scroll.maxRows],
      ['expand a wave: commit + next frame ms', '', cell(fleetResult.expands.wave.open)],
      ['expand a region: commit + next frame ms', '', cell(fleetResult.expands.stores.open)],
    ].map(([name, a, b]) => ({ case: name, 'flat: 10,000 x 8': a ?? '', [`fleet: ${FLEET_RELEASES} x ${FLEET_STORES.toLocaleString('en-US')}`]: b }));
    console.log('Side by side (medians):');
    console.table(side);
    checks.push([`fleet mount < ${TARGETS.mount} ms (median, until two rAFs)`, median(pick(fleetResult.mount.mount, 'frames')) < TARGETS.mount, `${ms(median(pick(fleetResult.mount.mount, 'frames')))} ms`]);
    checks.push([`fleet sort < ${TARGETS.sort} ms (median commit + next frame)`, median(work(fleetResult.sorts.all)) < TARGETS.sort, `${ms(median(work(fleetResult.sorts.all)))} ms`]);
    checks.push([`fleet keystroke < ${TARGETS.keystroke} ms (median commit)`, median(pick(fleetResult.keys.times, 'commit')) < TARGETS.keystroke, `${ms(median(pick(fleetResult.keys.times, 'commit')))} ms`]);
    checks.push([`fleet: at most ${TARGETS.rows} body rows in the DOM while scrolling`, fleetResult.scroll.maxRows <= TARGETS.rows, `${fleetResult.scroll.maxRows}`]);
  }

  for (const [name, pass, value] of checks) console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
  for (const warning of warnings) console.log(`warning: ${warning}`);
  const loadAfter = loadavg()[0];
  console.log(`total ${elapsed()}; load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`);
  if (Math.max(loadBefore, loadAfter) > cpus().length) {
    console.log('warning: the machine was busy with other work during this run: timings are inflated.');
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await bench?.close();
}
