// @vitest-environment node
// A real server render of releases whose environments, applications, steps, flows and notes are
// named `__proto__`, `constructor`, `toString` and other strings a source allows. Such a name once
// polluted Object.prototype through the graph's layout, and React's server renderer, which walks
// props with `for…in`, then warned "Invalid attribute name" for every element of the page.
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EnvironmentDetails, ReleaseDiff, ReleaseGraph, ReleaseNotes, ReleasesProvider, ReleasesTable, ReleaseView, type ReleaseViewTab } from '../../src';
import { HOSTILE_NAMES, LONG_NAME, prototypeChanges, prototypeState, restorePrototypes, type PrototypeState } from '../fixtures/hostile-names';
import { hostileEnvironments, hostileRelease } from '../fixtures/hostile-release';

let before: PrototypeState;
let logged: ReturnType<typeof vi.spyOn>[];
beforeEach(() => {
  before = prototypeState();
  logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
});
afterEach(() => {
  const changes = prototypeChanges(before);
  restorePrototypes(before);
  const messages = logged.flatMap((spy) => spy.mock.calls.map((call: unknown[]) => call.map(String).join(' ')));
  for (const spy of logged) spy.mockRestore();
  expect(changes, 'Object.prototype or Array.prototype changed').toEqual([]);
  expect(messages, 'console.error or console.warn while rendering').toEqual([]);
});

const release = hostileRelease();
/** What React writes for a name as text: its HTML escaping of `&`, `<`, `>`, `"` and `'`. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
const expectNames = (html: string, names: readonly string[] = HOSTILE_NAMES) => {
  const missing = names.filter((name) => !html.includes(escaped(name)));
  expect(missing).toEqual([]);
};

describe('hostile names on a server', () => {
  it('renders the graph with a node per environment, each found by its name', () => {
    const html = renderToString(<ReleaseGraph release={release} showMinimap />);
    for (const name of HOSTILE_NAMES) expect(html).toContain(`data-env-id="${escaped(name)}"`);
    expect(html).not.toContain('NaN');
  });

  it.each<ReleaseViewTab>(['graph', 'notes', 'applications', 'timeline'])('renders the release view on its %s tab', (tab) => {
    const html = renderToString(
      <ReleasesProvider timeZone="UTC">
        <ReleaseView release={release} defaultTab={tab} defaultOpenEnvironment="__proto__" onRetry={() => {}} onReleaseNotes={() => {}} />
      </ReleasesProvider>,
    );
    expect(html).toContain('constructor');
    if (tab !== 'notes') expectNames(html);
    expect(html).not.toContain('NaN');
  });

  it('opens the details of an environment named __proto__ or constructor', () => {
    for (const name of ['__proto__', 'constructor', LONG_NAME]) {
      const html = renderToString(<ReleaseView release={release} defaultOpenEnvironment={name} />);
      expect(html).toContain('gr-environment-details');
      const environment = release.environments.find((e) => e.name === name)!;
      expect(renderToString(<EnvironmentDetails environment={environment} release={release} />)).toContain(escaped(name));
    }
  });

  it('renders a table with a column per hostile environment, filtered and hidden by name', () => {
    const other = hostileRelease({ id: 'other', flow: { name: 'constructor' }, environments: hostileEnvironments(['constructor', 'toString']) });
    const html = renderToString(<ReleasesTable releases={[release, other]} defaultState={{ filters: { flows: ['__proto__', 'constructor'] } }} />);
    expectNames(html);
    const hidden = renderToString(<ReleasesTable releases={[release, other]} defaultState={{ hiddenColumns: ['__proto__', 'constructor'] }} />);
    expect(hidden).toContain('data-kind="environment" title="toString"');
    expect(hidden).not.toContain('data-kind="environment" title="__proto__"');
    expect(hidden).not.toContain('data-kind="environment" title="constructor"');
    const filtered = renderToString(<ReleasesTable releases={[release, other]} defaultState={{ filters: { environment: '__proto__' } }} />);
    // The header and the one release that went through __proto__.
    expect(filtered).toContain('aria-rowcount="2"');
    expect(renderToString(<ReleasesTable releases={[release, other]} defaultState={{ filters: { environment: 'constructor' } }} />)).toContain('aria-rowcount="3"');
  });

  it('renders notes grouped by hostile applications and a diff of hostile environments', () => {
    for (const groupBy of ['kind', 'type', 'application'] as const) {
      const html = renderToString(<ReleaseNotes release={[release, hostileRelease({ id: 'second' })]} groupBy={groupBy} />);
      expect(html).toContain('__proto__');
      expect(html).toContain('constructor');
    }
    const next = hostileRelease({ id: 'next', environments: hostileEnvironments().map((e) => ({ ...e, applications: e.applications.map((a) => ({ ...a, version: 'next' })) })) });
    expectNames(renderToString(<ReleaseDiff previous={release} next={next} />));
  });
});

describe('a status word from data that is also a name of Object.prototype', () => {
  // Status labels were read as `labels.status[word]`: `constructor` gave Object's constructor, and
  // the page printed "function Object() { [native code] }" where the status belongs.
  const odd = (word: string) => ({
    ...release,
    status: word as never,
    environments: release.environments.map((environment) => ({ ...environment, status: word as never })),
  });
  it.each(['constructor', 'toString', '__proto__', 'valueOf'])('reads %s as Unknown in the graph, view, timeline and details', (word) => {
    const html = [
      renderToString(<ReleaseView release={odd(word)} />),
      renderToString(<ReleaseView release={odd(word)} defaultTab="timeline" />),
      renderToString(<EnvironmentDetails environment={odd(word).environments[0]!} release={odd(word)} />),
    ].join('\n');
    expect(html).not.toContain('native code');
    expect(html).not.toContain('[object Object]');
    expect(html).toContain('Unknown');
  });
});
