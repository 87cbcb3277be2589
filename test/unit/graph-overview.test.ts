import { describe, expect, it } from 'vitest';
import { COMPACT_BELOW_ZOOM, FAR_BELOW_ZOOM, graphOverview, overviewHighlight, layoutReleaseGraph, levelOfDetail, OVERVIEW_BELOW_ZOOM, OVERVIEW_FROM, sampleRelease, showsOverview, type ReleaseGraphLayout } from '../../src/headless';
import { environment, release } from '../fixtures/release';
import { randomDagRelease } from '../fixtures/random-dag';

const node = (id: string, status: 'succeeded' | 'failed' | 'running', x: number, y: number) => ({
  id,
  type: 'environment' as const,
  position: { x, y },
  width: 100,
  height: 40,
  data: { environment: environment(id, [], { status }), rank: 0 },
});
const edge = (source: string, target: string, state: 'done' | 'failed' | 'pending') => ({
  id: `${source}->${target}`,
  source,
  target,
  type: 'promotion' as const,
  data: { state, points: [] },
});

describe('showsOverview', () => {
  it('is on for big graphs far out only', () => {
    expect(showsOverview(OVERVIEW_FROM, OVERVIEW_BELOW_ZOOM / 2)).toBe(true);
    expect(showsOverview(OVERVIEW_FROM - 1, 0.01)).toBe(false);
    expect(showsOverview(5000, OVERVIEW_BELOW_ZOOM)).toBe(false);
  });
});

describe('graphOverview', () => {
  it('draws each status as one path of rectangles and each edge state as one path of curves', () => {
    const layout: ReleaseGraphLayout = {
      nodes: [node('dev', 'succeeded', 0, 0), node('__proto__', 'failed', 200, 0), node('constructor', 'succeeded', 200, 100)],
      edges: [edge('dev', '__proto__', 'failed'), edge('dev', 'constructor', 'done')],
      width: 300,
      height: 140,
      direction: 'LR',
      structureKey: 'k',
    };
    expect(graphOverview(layout)).toEqual({
      width: 300,
      height: 140,
      nodes: [
        { status: 'succeeded', count: 2, path: 'M0 0h100v40h-100zM200 100h100v40h-100z' },
        { status: 'failed', count: 1, path: 'M200 0h100v40h-100z' },
      ],
      edges: [
        // From dev's right side (100, 20) to the target's left side, bending halfway.
        { state: 'failed', count: 1, path: 'M100 20C150 20 150 20 200 20' },
        { state: 'done', count: 1, path: 'M100 20C150 20 150 120 200 120' },
      ],
    });
    expect(({} as Record<string, unknown>).count).toBeUndefined();
    // Top to bottom: out of the bottom, into the top.
    expect(graphOverview({ ...layout, direction: 'TB' })!.edges[1]!.path).toBe('M50 40C50 70 250 70 250 100');
  });

  it('outlines the environments of a set of names, found by name, not by key', () => {
    const layout: ReleaseGraphLayout = {
      nodes: [node('dev', 'succeeded', 0, 0), node('__proto__', 'failed', 200, 0), node('constructor', 'succeeded', 200, 100)],
      edges: [],
      width: 300,
      height: 140,
      direction: 'LR',
      structureKey: 'k',
    };
    expect(overviewHighlight(layout, new Set(['__proto__', 'constructor']))).toBe('M200 0h100v40h-100zM200 100h100v40h-100z');
    expect(overviewHighlight(layout, new Set(['toString']))).toBe('');
  });

  it('covers every environment and edge of a big layout', () => {
    const big = randomDagRelease(OVERVIEW_FROM, 5);
    const layout = layoutReleaseGraph(big);
    const overview = graphOverview(layout)!;
    expect(overview.nodes.reduce((sum, entry) => sum + entry.count, 0)).toBe(OVERVIEW_FROM);
    expect(overview.edges.reduce((sum, entry) => sum + entry.count, 0)).toBe(layout.edges.length);
    for (const entry of overview.nodes) expect(entry.path.split('M')).toHaveLength(entry.count + 1);
    expect(new Set(overview.nodes.map((entry) => entry.status))).toEqual(new Set(big.environments.map((e) => e.status)));
  });

  it('has none for a layout with groups shown as nodes or frames, whose nodes carry more than one status', () => {
    const fleet = sampleRelease({ shape: 'fleet', size: 2000, state: 'running' });
    expect(graphOverview(layoutReleaseGraph(fleet, { groups: {} }))).toBeUndefined();
    // A grouped layout of plain environments (nothing folds) has one.
    expect(graphOverview(layoutReleaseGraph(release([environment('a'), environment('b', ['a'])]), { groups: {} }))).toBeDefined();
  });
});

describe('levelOfDetail', () => {
  it('goes compact below 35 % zoom, or below 60 % in a graph with groups, and to the overview when big and far', () => {
    expect(levelOfDetail(1)).toBe('full');
    expect(levelOfDetail(COMPACT_BELOW_ZOOM)).toBe('full');
    expect(levelOfDetail(0.34)).toBe('compact');
    // Beside group tiles a gate's rows would be 5px: it says its name as large as they do.
    expect(levelOfDetail(0.5)).toBe('full');
    expect(levelOfDetail(0.5, { grouped: true })).toBe('compact');
    expect(levelOfDetail(FAR_BELOW_ZOOM, { grouped: true })).toBe('full');
    expect(levelOfDetail(0.1, { nodeCount: OVERVIEW_FROM })).toBe('overview');
    expect(levelOfDetail(0.1, { nodeCount: OVERVIEW_FROM - 1 })).toBe('compact');
  });
});
