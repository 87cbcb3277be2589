// Regression: React Flow named every edge itself, in English and by node id: "Edge from qa to
// \uFFFD0collapsed:qa" for a hidden subtree, a group's internal id for a fleet's groups, and
// English in a German page. The flow model now names each edge with the `edge` message and the
// words the nodes show: an environment's name, a group's label, a hidden subtree's "N more".
import { describe, expect, it } from 'vitest';
import { collapseDownstream, layoutReleaseGraph, sampleRelease } from 'gitops-releases/headless';
import { DEFAULT_MESSAGES } from '../../src/index';
import { createFlowModel, edgeNamer } from '../../src/components/ReleaseGraph/flow-model';
import { environment as env, release as releaseOf } from '../fixtures/release';
import { PROTOTYPE_NAMES } from '../fixtures/hostile-names';

const english = edgeNamer(DEFAULT_MESSAGES.graph.edge, (count) => DEFAULT_MESSAGES.graph.more(count, String));
const german = edgeNamer('Promotion von {from} nach {to}', (count) => `${count} weitere`);
const names = (edges: ReadonlyArray<{ ariaLabel?: string }>) => edges.map((edge) => edge.ariaLabel).sort();

describe('edge names', () => {
  it('say the environments an edge joins, in the messages’ sentence', () => {
    const release = sampleRelease({ shape: 'sequential', state: 'running' });
    const { edges } = createFlowModel().patch(layoutReleaseGraph(release), new Map(), english);
    expect(names(edges)).toEqual(['Promotion from dev to qa', 'Promotion from qa to staging', 'Promotion from staging to production']);
  });

  it('call a hidden subtree by the text its placeholder shows', () => {
    const release = sampleRelease({ shape: 'sequential', state: 'running' });
    const shown = collapseDownstream(release, new Set(['qa']));
    const { edges } = createFlowModel().patch(layoutReleaseGraph(shown.release), shown.hidden, english);
    expect(names(edges)).toEqual(['Promotion from dev to qa', 'Promotion from qa to 2 more environments']);
  });

  it('call a fleet’s groups by their labels, never by an internal id', () => {
    const fleet = sampleRelease({ shape: 'fleet', state: 'running', wave: 'wave-1' });
    const { edges } = createFlowModel().patch(layoutReleaseGraph(fleet, { groups: { expanded: ['wave-1'] } }), new Map(), english);
    expect(edges.length).toBeGreaterThan(10);
    // Closed groups by their names; an open wave's regions by their paths.
    expect(names(edges)).toContain('Promotion from approve-wave-2 to wave-2');
    expect(names(edges)).toContain('Promotion from wave-1/eu-north-1 to approve-wave-2');
    expect(names(edges).filter((name) => name!.startsWith('Promotion from approve-wave-1 to wave-1/'))).toHaveLength(12);
    for (const name of names(edges)) expect(name).not.toMatch(/\uFFFD|collapsed:|group:|tiles:/);
    for (const name of names(edges)) expect(name).not.toContain('\u0000');
  });

  it('say prototype names like any other', () => {
    const [first, ...rest] = PROTOTYPE_NAMES;
    const release = releaseOf([env(first!), ...rest.map((name) => env(name, [first!]))]);
    const { edges } = createFlowModel().patch(layoutReleaseGraph(release), new Map(), english);
    expect(names(edges)).toEqual(rest.map((name) => `Promotion from ${first} to ${name}`).sort());
  });

  it('are made again when the words change, and kept with their edges when only a status does', () => {
    const model = createFlowModel();
    const release = sampleRelease({ shape: 'sequential', state: 'running' });
    const first = model.patch(layoutReleaseGraph(release), new Map(), english);
    const update = { ...release, environments: release.environments.map((step) => (step.name === 'production' ? { ...step, status: 'succeeded' as const } : step)) };
    const second = model.patch(layoutReleaseGraph(update), new Map(), english);
    // dev -> qa and qa -> staging are the same objects: React Flow does not draw them again.
    const same = second.edges.filter((edge) => first.edges.includes(edge));
    expect(same.map((edge) => edge.ariaLabel).sort()).toEqual(['Promotion from dev to qa', 'Promotion from qa to staging']);
    const translated = model.patch(layoutReleaseGraph(update), new Map(), german);
    expect(names(translated.edges)).toEqual(['Promotion von dev nach qa', 'Promotion von qa nach staging', 'Promotion von staging nach production']);
    expect(translated.edges.filter((edge) => second.edges.includes(edge))).toEqual([]);
  });
});
