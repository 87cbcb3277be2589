/// <reference types="vite/client" />
// Regression: a server-rendered page with the graph told screen-reader users to "use the arrow
// keys to move the node around. Press delete to remove it" (React Flow's own descriptions). Here
// the page is rendered on a server and hydrated in Chromium, as a host does it; then the keys the
// help describes are pressed, to see the graph do what it says.
import { act, type ReactElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleRelease } from 'gitops-releases/headless';
import { DEFAULT_MESSAGES, ReleaseGraph, ReleasesProvider, ReleaseView, type PartialReleasesMessages } from '../../src';
import '../../src/styles/index.css';
import { WRONG_WORDS, reactFlowTexts, spokenTexts } from '../components/spoken-texts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// dev -> qa -> staging -> production.
const release = sampleRelease({ shape: 'sequential', state: 'succeeded' });

let root: Root | undefined;
let container: HTMLElement | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = undefined;
  container = undefined;
});

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Renders `element` on the server, puts its HTML in the page and hydrates it. */
async function hydrated(element: ReactElement): Promise<{ serverHtml: HTMLElement; page: HTMLElement; recoverable: unknown[] }> {
  const html = renderToString(element);
  const serverHtml = document.createElement('div');
  serverHtml.innerHTML = html;
  container = document.createElement('div');
  container.style.width = '1200px';
  container.innerHTML = html;
  document.body.append(container);
  const recoverable: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container!, element, { onRecoverableError: (error) => void recoverable.push(error) });
  });
  await act(nextFrame);
  await act(nextFrame);
  return { serverHtml, page: container, recoverable };
}

const press = (key: string) =>
  act(() => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
const focused = () => document.activeElement?.getAttribute('data-env-id');

describe('the graph’s screen-reader texts in Chromium', () => {
  it('say nothing about moving or deleting, in the server’s HTML and once hydrated', async () => {
    const { serverHtml, page, recoverable } = await hydrated(<ReleaseView release={release} defaultTab="graph" />);
    expect(recoverable).toEqual([]);
    for (const root of [serverHtml, page]) {
      expect(spokenTexts(root).filter((text) => WRONG_WORDS.test(text))).toEqual([]);
      expect(reactFlowTexts(root).nodeDescription).toBe(DEFAULT_MESSAGES.graph.keyboardHelp);
    }
  });

  it('describe what the keys do: arrows go along the promotion and across, Enter or Space opens the details', async () => {
    // dev -> qa and staging side by side -> production.
    const parallel = sampleRelease({ shape: 'parallel', state: 'succeeded' });
    const { page } = await hydrated(<ReleaseView release={parallel} defaultTab="graph" />);
    const node = (name: string) => page.querySelector<HTMLElement>(`.gr-release-graph__node[data-env-id="${name}"]`)!;
    const details = () => page.querySelector('.gr-environment-details__title')?.textContent;
    await vi.waitFor(() => expect(node('dev')).not.toBeNull());
    node('dev').focus();
    // Along the promotion, forward and back.
    press('ArrowRight');
    await vi.waitFor(() => expect(['qa', 'staging']).toContain(focused()));
    const first = focused()!;
    press('ArrowLeft');
    await vi.waitFor(() => expect(focused()).toBe('dev'));
    press('ArrowRight');
    await vi.waitFor(() => expect(focused()).toBe(first));
    // Across, to the environment beside it.
    const other = first === 'qa' ? 'staging' : 'qa';
    const below = node(other).getBoundingClientRect().top > node(first).getBoundingClientRect().top;
    press(below ? 'ArrowDown' : 'ArrowUp');
    await vi.waitFor(() => expect(focused()).toBe(other));
    expect(details()).toBeUndefined();
    press(' ');
    await vi.waitFor(() => expect(details()).toBe(other));
    // Closed again, Enter opens the next one.
    act(() => page.querySelector<HTMLElement>('.gr-environment-details__close')!.click());
    expect(details()).toBeUndefined();
    node(other).focus();
    press('ArrowRight');
    await vi.waitFor(() => expect(focused()).toBe('production'));
    expect(details()).toBeUndefined();
    press('Enter');
    await vi.waitFor(() => expect(details()).toBe('production'));
    // Nothing React Flow announces after the keys speaks of moving a node.
    expect(spokenTexts(page).filter((text) => WRONG_WORDS.test(text))).toEqual([]);
  });

  it('follow the provider’s messages, the minimap’s name too', async () => {
    const messages: PartialReleasesMessages = {
      graph: {
        keyboardHelp: 'Pfeiltasten wechseln die Umgebung; Eingabe oder Leertaste öffnet ihre Details.',
        controls: 'Steuerung des Graphen',
        zoomIn: 'Vergrößern',
        zoomOut: 'Verkleinern',
        fitView: 'Alles zeigen',
        minimap: 'Übersichtskarte',
      },
    };
    const { serverHtml, page, recoverable } = await hydrated(
      <ReleasesProvider messages={messages}>
        <ReleaseGraph release={release} showMinimap />
      </ReleasesProvider>,
    );
    expect(recoverable).toEqual([]);
    const expected = {
      nodeDescription: messages.graph!.keyboardHelp,
      edgeDescription: messages.graph!.keyboardHelp,
      live: '',
      controls: 'Steuerung des Graphen',
      zoomIn: 'Vergrößern',
      zoomOut: 'Verkleinern',
      fitView: 'Alles zeigen',
      zoomInTitle: 'Vergrößern',
    };
    expect(reactFlowTexts(serverHtml)).toEqual(expected);
    expect(reactFlowTexts(page)).toEqual(expected);
    // Drawn after hydration only.
    await vi.waitFor(() => expect(page.querySelector('.react-flow__minimap svg title')?.textContent).toBe('Übersichtskarte'));
  });

  it('name each edge by the environments it joins, in the provider’s words (React Flow’s are English and say ids)', async () => {
    const edgeNames = (page: HTMLElement) => [...page.querySelectorAll('.react-flow__edge')].map((edge) => edge.getAttribute('aria-label'));
    const { page } = await hydrated(<ReleaseGraph release={release} />);
    await vi.waitFor(() => expect(edgeNames(page)).toHaveLength(3));
    expect(edgeNames(page).sort()).toEqual(['Promotion from dev to qa', 'Promotion from qa to staging', 'Promotion from staging to production']);
    await act(async () => root?.unmount());
    container?.remove();

    const messages: PartialReleasesMessages = { graph: { edge: 'Promotion von {from} nach {to}' } };
    const german = await hydrated(
      <ReleasesProvider messages={messages}>
        <ReleaseGraph release={release} />
      </ReleasesProvider>,
    );
    await vi.waitFor(() => expect(edgeNames(german.page)).toHaveLength(3));
    expect(edgeNames(german.page).sort()).toEqual(['Promotion von dev nach qa', 'Promotion von qa nach staging', 'Promotion von staging nach production']);
    expect(spokenTexts(german.page).filter((text) => /Edge from/.test(text))).toEqual([]);
  });
});
