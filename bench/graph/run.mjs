// ReleaseGraph measured in real Chromium: cold mounts (40 and 300 environments), status updates on
// 300 environments against a straightforward baseline, a 10,000-update heap soak, and a breakdown
// of where the time goes. Serves bench/graph/ with Vite (the library from source, React's
// production build) and drives it with playwright-core and Debian's Chromium.
// Run with `npm run bench:graph`. Numbers go to bench/README.md by hand.
//
// Options:
//   --only=mount,updates,soak,breakdown   run some parts only (default: all)
//   --soak=<updates>                      soak length (default 10000)
//   --soak-budget=<seconds>               stop the soak early after this long (default 120, so the
//                                         whole run stays under ~4 minutes; 0 = no limit)
//   --dev                                 React's development build instead of production
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mb, median, ms, percentile, startBenchPage } from '../lib.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const dev = args.includes('--dev');
const only = new Set((option('only') ?? 'mount,updates,soak,breakdown').split(','));
const SOAK_UPDATES = Number(option('soak') ?? 10_000);
const SOAK_BUDGET_S = Number(option('soak-budget') ?? 120);

const MOUNT_RUNS = { large: 15, huge: 7 };
const MOUNT_WARMUPS = 1;
const UPDATES = 60;
const UPDATE_WARMUP = 10;
/** Start the updates mid-promotion (snapshot 600 of ~2,350), where environments are running. */
const UPDATE_SKIP = 600;
const BREAKDOWN_UPDATES = 40;
const SOAK_WARMUP = 500;
const SOAK_BATCH = 50;
const TARGETS = { mountHuge: 500, updateMedian: 16, speedup: 10, heapRatio: 1.2 };

const root = fileURLToPath(new URL('.', import.meta.url));
const reasonsText = (reasons) =>
  Object.entries(reasons)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');

let bench;
try {
  bench = await startBenchPage({ name: 'graph', root, dev, include: ['@xyflow/react', '@dagrejs/dagre'] });
  const { browser, openPage } = bench;
  const page = await openPage('');

  const info = await page.evaluate(() => globalThis.__bench.info());
  console.log(
    `Chromium ${browser.version()}, React ${info.react} (${info.reactBuild} build), node ${process.version}, ${cpus().length} cores;` +
      ` gc exposed: ${info.gc}, precise memory: ${info.preciseMemory}`,
  );
  if (!info.gc || !info.preciseMemory) console.log('warning: no window.gc or no precise memory info: the heap numbers mean little.');

  const loadBefore = loadavg()[0];
  const rows = [];
  const warnings = [];
  const results = {};
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

  if (only.has('mount')) {
    for (const shape of ['large', 'huge']) {
      const result = await page.evaluate(([s, runs, warmups]) => globalThis.__bench.mount(s, runs, warmups), [shape, MOUNT_RUNS[shape], MOUNT_WARMUPS]);
      results[shape] = result;
      const counts = result.counts.at(-1);
      if (result.dagreRuns !== MOUNT_RUNS[shape] + MOUNT_WARMUPS) warnings.push(`mount ${shape}: dagre ran ${result.dagreRuns}x, not once per mount`);
      rows.push({
        case: `cold mount, ${result.environments} environments`,
        runs: result.total.length,
        'median ms': ms(median(result.total)),
        'p95 ms': ms(percentile(result.total, 95)),
        'flushSync part, median ms': ms(median(result.commit)),
        notes: `${counts.nodes} nodes, ${counts.edges} edges drawn; ${result.elements.at(-1).all} DOM elements created, ${result.elements.at(-1).discarded} of them removed again; dagre ran once per mount`,
      });
      console.log(`  mount ${shape} done (${elapsed()})`);
    }
  }

  if (only.has('updates')) {
    for (const kind of ['ours', 'baseline']) {
      const result = await page.evaluate(
        ([k, count, warmup, skip]) => globalThis.__bench.updates(k, count, warmup, skip),
        [kind, UPDATES, UPDATE_WARMUP, UPDATE_SKIP],
      );
      results[kind] = result;
      if (kind === 'ours' && result.dagreRuns !== 0) warnings.push(`status updates ran dagre ${result.dagreRuns}x: the structure cache missed`);
      rows.push({
        case: `status update, 300 environments, ${kind === 'ours' ? 'ReleaseGraph' : 'baseline (dagre + new objects)'}`,
        runs: result.commit.length,
        'median ms': ms(median(result.commit)),
        'p95 ms': ms(percentile(result.commit, 95)),
        'flushSync part, median ms': '',
        notes: `with forced style+layout: median ${ms(median(result.withLayout))} ms; dagre ran ${result.dagreRuns}x; ${result.end.nodes} nodes drawn`,
      });
      console.log(`  updates ${kind} done (${elapsed()})`);
    }
    results.speedup = median(results.baseline.commit) / median(results.ours.commit);
    rows.push({ case: 'baseline / ReleaseGraph (medians)', runs: '', 'median ms': `${results.speedup.toFixed(1)}x`, 'p95 ms': '', 'flushSync part, median ms': '', notes: '' });
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
      case: `soak, ${result.done} of ${SOAK_UPDATES} status updates, 300 environments`,
      runs: result.done,
      'median ms': ms(result.median),
      'p95 ms': ms(result.p95),
      'flushSync part, median ms': '',
      notes:
        `heap ${mb(result.heapAfterWarmup)} after ${SOAK_WARMUP} -> ${mb(result.heapEnd)} at end (x${results.heapRatio.toFixed(3)})` +
        `${partial ? `; stopped by the ${SOAK_BUDGET_S} s budget` : ''}`,
    });
    console.log(`  heap after GC: ${result.samples.map((s) => `${s.updates}: ${mb(s.heap)}`).join(', ')}, end: ${mb(result.heapEnd)}`);
    console.log(`  soak done: ${result.done} updates in ${(result.elapsed / 1000).toFixed(0)} s (${elapsed()})`);
  }
  await page.close();

  if (only.has('breakdown')) {
    // A second page, with the render-counting DevTools hook: nothing of it is in the timings above.
    const diagnose = await openPage('?diagnose');
    const b = await diagnose.evaluate(([count, skip]) => globalThis.__bench.breakdown(count, skip), [BREAKDOWN_UPDATES, UPDATE_SKIP]);
    await diagnose.close();
    console.log('Parts of a cold mount of 300 environments:');
    console.table([
      { part: 'cold layoutReleaseGraph (dagre), ms', value: ms(b.coldLayoutMs) },
      { part: '300 Intl.DateTimeFormat constructions (useDateFormatter: one per node), ms', value: ms(b.formattersMs) },
      { part: 'EnvironmentNode renders until settled', value: b.mountRenders.nodes },
      { part: '  why (changed props, else context-or-state)', value: reasonsText(b.mountRenders.reasons) },
      { part: "React Flow's NodeWrapper renders until settled", value: b.mountRenders.nodeWrappers },
      { part: 'PromotionEdge renders until settled', value: b.mountRenders.edges },
      { part: 'DOM elements in the mounted graph', value: b.domElements },
      { part: 'zoom after fitView', value: Number(b.zoom.toFixed(3)) },
    ]);
    console.log(`Where a status update of ReleaseGraph goes (medians over ${b.updates} updates, ${b.drawn.nodes} nodes drawn):`);
    console.table([
      { part: 'environments whose data changed', value: b.changedEnvironments },
      { part: 'node objects replaced by the patch', value: b.changedNodes },
      { part: 'edge objects replaced by the patch', value: b.changedEdges },
      { part: 'EnvironmentNode components rendered', value: b.nodeRenders },
      { part: `  why, summed over the ${b.updates} updates`, value: reasonsText(b.nodeRenderReasons) },
      { part: 'PromotionEdge components rendered', value: b.edgeRenders },
      { part: "React Flow's NodeWrapper rendered", value: b.nodeWrapperRenders },
      { part: "React Flow's EdgeWrapper rendered", value: b.edgeWrapperRenders },
      { part: 'cached layout + collapse, ms', value: ms(b.layoutMs) },
      { part: 'flow-model patch, ms', value: ms(b.patchMs) },
      { part: 'no-change update (same environment objects): nodes rendered', value: b.noChangeRenders },
      { part: 'no-change update: commit ms', value: ms(b.noChangeMs) },
    ]);
    console.log(`  breakdown done (${elapsed()})`);
  }

  if (rows.length > 0) console.table(rows);

  const checks = [];
  if (results.huge) {
    const value = median(results.huge.total);
    checks.push([`cold mount of 300 environments < ${TARGETS.mountHuge} ms (median)`, value < TARGETS.mountHuge, `${ms(value)} ms`]);
  }
  if (results.ours) {
    const value = median(results.ours.commit);
    checks.push([`status update, 300 environments < ${TARGETS.updateMedian} ms (median)`, value < TARGETS.updateMedian, `${ms(value)} ms`]);
    checks.push([`status update >= ${TARGETS.speedup}x faster than baseline (medians)`, results.speedup >= TARGETS.speedup, `${results.speedup.toFixed(1)}x`]);
  }
  if (results.soak) {
    const { done } = results.soak;
    const partial = done < SOAK_UPDATES ? ` (after ${done} of ${SOAK_UPDATES} updates: time budget)` : '';
    checks.push([`soak heap end / after warm-up <= ${TARGETS.heapRatio}`, results.heapRatio <= TARGETS.heapRatio, `${results.heapRatio.toFixed(3)}${partial}`]);
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
