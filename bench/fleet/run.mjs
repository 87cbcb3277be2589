// ReleaseGraph at fleet scale, measured in real Chromium: mounts of 2,000 and 5,000 stores, status
// updates of ~100 stores, opening a 250-store group into tiles, random DAGs of 300 and 1,000
// environments, and a 10,000-update heap soak; each case drawn in groups (ReleaseGraph's default)
// and, in the same run, flat (every environment a node: `groupBy={() => undefined}`,
// `autoGroupThreshold={Infinity}`). Serves bench/fleet/ with Vite (the library from source, React's
// production build) and drives it with playwright-core and Debian's Chromium.
// Run with `npm run bench:fleet`. Numbers go to bench/README.md by hand.
//
// Options:
//   --only=mount,updates,expand,dag,soak,breakdown   run some parts only (default: all)
//   --cap=<seconds>           give up on one flat mount (or a flat update run) after this long and
//                             report "> cap" (default 30; the page is closed and a new one opened)
//   --soak=<updates>          soak length (default 10000)
//   --soak-budget=<seconds>   stop the soak early after this long (default 120, so the whole run
//                             stays under ~10 minutes; 0 = no limit)
//   --no-flat                 the grouped graph only
//   --dev                     React's development build instead of production
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mb, median, ms, percentile, startBenchPage } from '../lib.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const dev = args.includes('--dev');
const withFlat = !args.includes('--no-flat');
const only = new Set((option('only') ?? 'mount,updates,expand,dag,soak,breakdown').split(','));
const CAP_MS = Number(option('cap') ?? 30) * 1000;
const SOAK_UPDATES = Number(option('soak') ?? 10_000);
const SOAK_BUDGET_S = Number(option('soak-budget') ?? 120);

/**
 * Runs per case. The grouped graph gets a warm-up and several runs; the flat one takes seconds
 * per mount (dagre on thousands of nodes), so it gets one run, and two more only when the first
 * took under `FLAT_MORE_BELOW_MS`.
 */
const RUNS = {
  grouped: { 2000: [1, 7], 5000: [1, 5], 300: [1, 7], 1000: [1, 3] },
  flat: { runs: 1, more: 2 },
};
const FLAT_MORE_BELOW_MS = 8_000;
/** Status updates: untimed warm-up updates, then at most `count` timed ones, or `budget` ms of them. */
const UPDATES = { grouped: { warmup: 60, count: 120, budget: 60_000 }, flat: { warmup: 10, count: 60, budget: 30_000 } };
const EXPAND_RUNS = [1, 7];
const SOAK_WARMUP = 500;
const SOAK_BATCH = 50;
const BREAKDOWN_REPS = 3;
const TARGETS = { mount: 500, update: 16, longTask: 50, elements: 5000, expand: 100, dagMount: 500, dagShown: 2000, heapRatio: 1.2 };

const root = fileURLToPath(new URL('.', import.meta.url));
const CAPPED = Symbol('capped');

/**
 * Whether each of `expected` layouts of a new structure ran dagre, by the page's
 * `layoutCacheStats()`. Those count the main thread's layouts only: none at all means the layouts
 * ran elsewhere (a worker), where this page cannot check the cache.
 */
function cacheCheck(what, ran, expected, warnings) {
  if (ran === expected) return;
  if (ran === 0) warnings.push(`${what}: no layout ran on the main thread (a worker?): that no mount was served from the layout cache is not checked`);
  else warnings.push(`${what}: dagre ran ${ran}x for ${expected} new structures: some came from the layout cache`);
}

let bench;
let page;
/** Runs `fn(page)` (one page.evaluate); past `capMs`, closes the busy page, opens a new one and returns CAPPED. */
async function capped(fn, capMs) {
  const work = fn(page);
  // Rejected when the page is closed under it: handled here, never unhandled.
  work.catch(() => {});
  let timer;
  const limit = new Promise((resolve) => {
    timer = setTimeout(() => resolve(CAPPED), capMs);
  });
  const result = await Promise.race([work, limit]);
  clearTimeout(timer);
  if (result === CAPPED) {
    await page.close({ runBeforeUnload: false }).catch(() => {});
    page = await bench.openPage('');
  }
  return result;
}

const capText = `> ${CAP_MS / 1000} s (cap)`;
const pass = (ok) => (ok ? 'PASS' : 'FAIL');
const max = (values) => values.reduce((a, b) => Math.max(a, b), 0);
const sum = (values) => values.reduce((a, b) => a + b, 0);

try {
  bench = await startBenchPage({ name: 'fleet', root, dev, include: ['@xyflow/react', '@dagrejs/dagre'] });
  const { browser, openPage } = bench;
  page = await openPage('');

  const info = await page.evaluate(() => globalThis.__bench.info());
  console.log(
    `Chromium ${browser.version()}, React ${info.react} (${info.reactBuild} build), node ${process.version}, ${cpus().length} cores;` +
      ` gc exposed: ${info.gc}, precise memory: ${info.preciseMemory}, longtask entries: ${info.longTasks}`,
  );
  if (!info.gc || !info.preciseMemory) console.log('warning: no window.gc or no precise memory info: the heap numbers mean little.');

  const loadBefore = loadavg();
  console.log(`load average (1, 5, 15 min) before: ${loadBefore.map((x) => x.toFixed(1)).join(', ')}`);
  const rows = [];
  const checks = [];
  const warnings = [];
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const modes = withFlat ? ['grouped', 'flat'] : ['grouped'];

  /** A mount case in one mode: grouped with warm-up and runs in one evaluate; flat run by run, capped. */
  async function mountCase(source, mode) {
    if (mode !== 'flat') {
      const [warmups, runs] = RUNS.grouped[source.size];
      const result = await capped((p) => p.evaluate(([s, m, r, w]) => globalThis.__bench.mount(s, m, r, w), [source, mode, runs, warmups]), 10 * 60_000);
      if (result === CAPPED) return { capped: true };
      cacheCheck(`${source.kind} ${source.size} ${mode}`, result.dagreRuns, result.mounts, warnings);
      return result;
    }
    const all = [];
    let dagreRuns = 0;
    let environments = 0;
    for (let i = 0; i < RUNS.flat.runs + RUNS.flat.more; i++) {
      if (i >= RUNS.flat.runs && all[0].total >= FLAT_MORE_BELOW_MS) break;
      const result = await capped((p) => p.evaluate(([s, m]) => globalThis.__bench.mount(s, m, 1, 0), [source, mode]), CAP_MS);
      if (result === CAPPED) return { capped: true, runs: all };
      all.push(...result.runs);
      dagreRuns += result.dagreRuns;
      environments = result.environments;
    }
    cacheCheck(`${source.kind} ${source.size} flat`, dagreRuns, all.length, warnings);
    return { runs: all, dagreRuns, environments, mounts: all.length };
  }

  /** One row of a mount table. */
  function mountRow(name, mode, result, targetMs, shownTargetMs) {
    if (result.capped) {
      return { case: name, mode, runs: 0, 'median ms': capText, 'p95 ms': '', 'shown ms': '', 'longtasks (median) / longest ms': '', 'longest frame gap ms': '', 'DOM elements': '', nodes: '', target: targetMs ? `< ${targetMs} ms` : '' };
    }
    const runs = result.runs;
    const total = runs.map((r) => r.total);
    return {
      case: name,
      mode,
      runs: runs.length,
      'median ms': ms(median(total)),
      'p95 ms': runs.length > 2 ? ms(percentile(total, 95)) : '',
      'shown ms': ms(median(runs.map((r) => r.shown))),
      'longtasks (median) / longest ms': `${median(runs.map((r) => r.longTasks))} / ${ms(max(runs.map((r) => r.longestTask)))}`,
      'longest frame gap ms': ms(max(runs.map((r) => r.longestFrameGap))),
      'DOM elements': runs.at(-1).elements,
      nodes: `${runs.at(-1).nodes} nodes, ${runs.at(-1).edges} edges`,
      target: targetMs ? `< ${targetMs} ms${shownTargetMs ? `; shown < ${shownTargetMs} ms` : ''}` : '',
    };
  }

  const results = {};

  if (only.has('mount')) {
    for (const size of [2000, 5000]) {
      for (const mode of modes) {
        const result = await mountCase({ kind: 'fleet', size }, mode);
        results[`mount-${size}-${mode}`] = result;
        rows.push(mountRow(`mount, ${size} stores`, mode, result, TARGETS.mount));
        console.log(`  mount ${size} ${mode} done (${elapsed()})`);
      }
    }
  }

  if (only.has('updates')) {
    for (const mode of modes) {
      const { warmup, count, budget } = UPDATES[mode];
      // The flat graph's mount is capped as a mount is; its warm-up and timed updates get their budget on top.
      const cap = mode === 'flat' ? CAP_MS + budget + 60_000 : 10 * 60_000;
      const result = await capped((p) => p.evaluate(([m, w, c, b]) => globalThis.__bench.updates(m, w, c, b), [mode, warmup, count, budget]), cap);
      results[`updates-${mode}`] = result;
      if (result === CAPPED) {
        results[`updates-${mode}-cap`] = `> ${cap / 1000} s for mount and updates (cap)`;
        rows.push({ case: 'status update, ~100 of 2,000 stores', mode, runs: 0, 'median ms': results[`updates-${mode}-cap`], target: `< ${TARGETS.update} ms` });
      } else {
        if (result.dagreRuns !== 0) warnings.push(`status updates (${mode}) ran dagre ${result.dagreRuns}x: the structure cache missed`);
        rows.push({
          case: `status update, ~100 of 2,000 stores (median ${median(result.changed)} changed)`,
          mode,
          runs: result.commit.length,
          'median ms': ms(median(result.commit)),
          'p95 ms': ms(percentile(result.commit, 95)),
          'shown ms': `with forced style+layout: ${ms(median(result.withLayout))}`,
          'longtasks (median) / longest ms': `${result.longTasks} in all / ${ms(result.longestTask)}`,
          'longest frame gap ms': '',
          'DOM elements': result.end.elements,
          nodes: `${result.end.nodes} nodes, ${result.end.edges} edges`,
          target: `< ${TARGETS.update} ms`,
        });
      }
      console.log(`  updates ${mode} done (${elapsed()})`);
    }
  }

  if (only.has('expand')) {
    for (const how of ['prop', 'click']) {
      const result = await page.evaluate(([h, runs, warmups]) => globalThis.__bench.expand(h, runs, warmups), [how, EXPAND_RUNS[1], EXPAND_RUNS[0]]);
      results[`expand-${how}`] = result;
      const runs = result.runs;
      cacheCheck(`expand (${how})`, runs.reduce((n, r) => n + r.dagreRuns, 0), runs.length, warnings);
      rows.push({
        ...mountRow(`expand wave-1 (${result.members} stores) into ${runs.at(-1).tiles} tiles, ${how === 'prop' ? 'expandedGroups prop' : 'click on its node'}`, 'waves', { runs }, TARGETS.expand),
      });
      console.log(`  expand ${how} done (${elapsed()})`);
    }
    if (withFlat) rows.push({ case: 'expand a 250-store group', mode: 'flat', runs: '', 'median ms': 'n/a: flat has no groups (every store is drawn already)' });
  }

  if (only.has('dag')) {
    for (const size of [300, 1000]) {
      for (const mode of modes) {
        const result = await mountCase({ kind: 'dag', size }, mode);
        results[`dag-${size}-${mode}`] = result;
        rows.push(mountRow(`random DAG, ${size} environments`, mode, result, size === 300 ? TARGETS.dagMount : undefined, size === 1000 ? TARGETS.dagShown : undefined));
        console.log(`  dag ${size} ${mode} done (${elapsed()})`);
      }
    }
  }

  if (only.has('soak')) {
    const result = await page.evaluate(
      ([total, warmup, batch, budget]) => globalThis.__bench.soak(total, warmup, batch, budget),
      [SOAK_UPDATES, SOAK_WARMUP, SOAK_BATCH, SOAK_BUDGET_S * 1000],
    );
    results.soak = result;
    results.heapRatio = result.heapEnd / result.heapAfterWarmup;
    if (result.dagreRuns !== 0) warnings.push(`soak ran dagre ${result.dagreRuns}x: the structure cache missed`);
    const partial = result.done < SOAK_UPDATES;
    rows.push({
      case: `soak, ${result.done} of ${SOAK_UPDATES} status updates, 2,000 stores`,
      mode: 'grouped',
      runs: result.done,
      'median ms': ms(result.median),
      'p95 ms': ms(result.p95),
      'shown ms': '',
      'longtasks (median) / longest ms': '',
      'longest frame gap ms': '',
      'DOM elements': result.counts.elements,
      nodes: `heap ${mb(result.heapAfterWarmup)} after ${SOAK_WARMUP} -> ${mb(result.heapEnd)} (x${results.heapRatio.toFixed(3)})${partial ? `; stopped by the ${SOAK_BUDGET_S} s budget` : ''}`,
      target: `heap <= ${TARGETS.heapRatio}x`,
    });
    console.log(`  heap after GC: ${result.samples.map((s) => `${s.updates}: ${mb(s.heap)}`).join(', ')}, end: ${mb(result.heapEnd)}`);
    console.log(`  soak done: ${result.done} updates in ${(result.elapsed / 1000).toFixed(0)} s, ${result.cycles} restarts of the simulation (${elapsed()})`);
  }

  if (only.has('breakdown')) {
    const b = await page.evaluate((reps) => globalThis.__bench.breakdown(reps), BREAKDOWN_REPS);
    console.log('The headless parts of a cold mount (medians; a new structure each time):');
    console.table(b.cold.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'number' ? ms(value) : value]))));
    const u = b.update;
    console.log(`The headless parts of a status update of ~100 of 2,000 stores, grouped (medians over ${u.updates} updates):`);
    console.table([
      { part: 'groupReleaseEnvironments (structure cached), ms', value: ms(u.groupingMs) },
      { part: 'layoutReleaseGraph (geometry cached; grouping included), ms', value: ms(u.layoutMs) },
      { part: 'flow-model patch, ms', value: ms(u.patchMs) },
      { part: `node objects replaced by the patch, of ${u.nodes}`, value: u.nodesReplaced },
    ]);
    console.log(`  breakdown done (${elapsed()})`);
  }

  if (rows.length > 0) console.table(rows);

  // PASS/FAIL per target, grouped and flat side by side.
  for (const mode of modes) {
    for (const size of [2000, 5000]) {
      const result = results[`mount-${size}-${mode}`];
      if (!result) continue;
      if (result.capped) {
        checks.push([`mount ${size} stores < ${TARGETS.mount} ms (median), ${mode}`, false, capText]);
        continue;
      }
      const runs = result.runs;
      checks.push([`mount ${size} stores < ${TARGETS.mount} ms (median), ${mode}`, median(runs.map((r) => r.total)) < TARGETS.mount, `${ms(median(runs.map((r) => r.total)))} ms`]);
      const longest = max(runs.map((r) => r.longestTask));
      checks.push([`mount ${size} stores: no long task over ${TARGETS.longTask} ms, ${mode}`, longest <= TARGETS.longTask, `${median(runs.map((r) => r.longTasks))} per mount (median), longest ${ms(longest)} ms`]);
      checks.push([`mount ${size} stores: < ${TARGETS.elements} DOM elements, ${mode}`, runs.at(-1).elements < TARGETS.elements, `${runs.at(-1).elements}`]);
    }
    const updates = results[`updates-${mode}`];
    if (updates === CAPPED) checks.push([`status update of ~100 stores < ${TARGETS.update} ms (median), ${mode}`, false, results[`updates-${mode}-cap`]]);
    else if (updates) {
      checks.push([`status update of ~100 stores < ${TARGETS.update} ms (median), ${mode}`, median(updates.commit) < TARGETS.update, `${ms(median(updates.commit))} ms`]);
      checks.push([`status updates: no long task over ${TARGETS.longTask} ms, ${mode}`, updates.longestTask <= TARGETS.longTask, `${updates.longTasks} in ${updates.commit.length} updates, longest ${ms(updates.longestTask)} ms`]);
    }
    for (const size of [300, 1000]) {
      const result = results[`dag-${size}-${mode}`];
      if (!result) continue;
      const name = size === 300 ? `random DAG of 300: mount < ${TARGETS.dagMount} ms (median), ${mode}` : `random DAG of 1,000: shown < ${TARGETS.dagShown} ms (median), ${mode}`;
      if (result.capped) {
        checks.push([name, false, capText]);
        continue;
      }
      const runs = result.runs;
      const value = size === 300 ? median(runs.map((r) => r.total)) : median(runs.map((r) => r.shown));
      checks.push([name, value < (size === 300 ? TARGETS.dagMount : TARGETS.dagShown), `${ms(value)} ms`]);
      if (size === 1000) {
        const longest = max(runs.map((r) => r.longestTask));
        checks.push([
          `random DAG of 1,000: responsive (no long task over ${TARGETS.longTask} ms), ${mode}`,
          longest <= TARGETS.longTask,
          `${sum(runs.map((r) => r.longTasks))} long tasks in ${runs.length} mounts, longest ${ms(longest)} ms; longest frame gap ${ms(max(runs.map((r) => r.longestFrameGap)))} ms`,
        ]);
      }
    }
  }
  for (const how of ['prop', 'click']) {
    const result = results[`expand-${how}`];
    if (!result) continue;
    const runs = result.runs;
    const value = median(runs.map((r) => r.total));
    checks.push([`expand a ${result.members}-store group < ${TARGETS.expand} ms (median), ${how}`, value < TARGETS.expand, `${ms(value)} ms`]);
    const longest = max(runs.map((r) => r.longestTask));
    checks.push([`expand: no long task over ${TARGETS.longTask} ms, ${how}`, longest <= TARGETS.longTask, `longest ${ms(longest)} ms`]);
  }
  if (results.soak) {
    const { done } = results.soak;
    const partial = done < SOAK_UPDATES ? ` (after ${done} of ${SOAK_UPDATES} updates: time budget)` : '';
    checks.push([`soak heap end / after warm-up <= ${TARGETS.heapRatio}`, results.heapRatio <= TARGETS.heapRatio, `${results.heapRatio.toFixed(3)}${partial}`]);
  }
  for (const [name, ok, value] of checks) console.log(`${pass(ok)}  ${name}: ${value}`);
  for (const warning of warnings) console.log(`warning: ${warning}`);
  const loadAfter = loadavg();
  console.log(`total ${elapsed()}; load average (1, 5, 15 min) after: ${loadAfter.map((x) => x.toFixed(1)).join(', ')}`);
  if (Math.max(loadBefore[0], loadAfter[0]) > cpus().length) {
    console.log('warning: the machine was busy with other work during this run: timings are inflated.');
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await bench?.close();
}
