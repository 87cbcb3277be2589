// Regression: a server-rendered page with the graph told screen-reader users to "use the arrow
// keys to move the node around. Press delete to remove it" (React Flow's own descriptions, which
// it takes from `ariaLabelConfig` only in an effect, after the server has written its HTML). Our
// nodes can be neither moved nor deleted: every text React Flow writes must be ours, from the
// messages, on the server as in the browser.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleRelease } from 'gitops-releases/headless';
import { DEFAULT_MESSAGES, ReleaseGraph, ReleasesProvider, ReleaseView, type PartialReleasesMessages } from '../../src/index';
import { WRONG_WORDS, reactFlowTexts, spokenTexts } from './spoken-texts';

const release = sampleRelease({ shape: 'regions', state: 'failed' });

const GERMAN = {
  keyboardHelp: 'Pfeiltasten wechseln die Umgebung; Eingabe oder Leertaste öffnet ihre Details.',
  controls: 'Steuerung des Graphen',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  fitView: 'Alles zeigen',
  minimap: 'Übersichtskarte',
};
const messages: PartialReleasesMessages = { graph: GERMAN };

// React Flow in jsdom: an observer that never reports (nothing is measured, the nodes are still drawn).
beforeAll(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterAll(() => vi.unstubAllGlobals());

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
});

/** A server render (react-dom/server) put into the document, as a browser receives it before any script. */
function serverRendered(element: ReactElement, withMessages?: PartialReleasesMessages): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderToString(withMessages ? <ReleasesProvider messages={withMessages}>{element}</ReleasesProvider> : element);
  document.body.append(container);
  containers.push(container);
  return container;
}

function clientRendered(element: ReactElement, withMessages?: PartialReleasesMessages): HTMLElement {
  return render(withMessages ? <ReleasesProvider messages={withMessages}>{element}</ReleasesProvider> : element).container;
}

const pages: Array<[string, ReactElement]> = [
  ['ReleaseGraph', <ReleaseGraph release={release} />],
  ['ReleaseView', <ReleaseView release={release} defaultTab="graph" />],
];
const renderers = [
  ['server', serverRendered],
  ['client', clientRendered],
] as const;

describe.each(renderers)('React Flow’s screen-reader texts, %s render', (_where, renderIn) => {
  it.each(pages)('%s says nothing about moving, dragging or deleting nodes', (_name, element) => {
    const root = renderIn(element);
    expect(root.querySelector('.react-flow__node')).not.toBeNull();
    expect(spokenTexts(root).filter((text) => WRONG_WORDS.test(text))).toEqual([]);
  });

  it.each(pages)('%s describes the graph’s own keys and controls in the default messages', (_name, element) => {
    const texts = reactFlowTexts(renderIn(element));
    const graph = DEFAULT_MESSAGES.graph;
    expect(texts).toEqual({
      nodeDescription: graph.keyboardHelp,
      edgeDescription: graph.keyboardHelp,
      live: '',
      controls: graph.controls,
      zoomIn: graph.zoomIn,
      zoomOut: graph.zoomOut,
      fitView: graph.fitView,
      zoomInTitle: graph.zoomIn,
    });
    // What the keys really do: arrows go between environments, Enter or Space opens one.
    expect(graph.keyboardHelp).toMatch(/arrow/i);
    expect(graph.keyboardHelp).toMatch(/Enter or Space opens/);
  });

  it.each(pages)('%s takes those texts from the provider’s messages', (_name, element) => {
    const root = renderIn(element, messages);
    expect(reactFlowTexts(root)).toEqual({
      nodeDescription: GERMAN.keyboardHelp,
      edgeDescription: GERMAN.keyboardHelp,
      live: '',
      controls: GERMAN.controls,
      zoomIn: GERMAN.zoomIn,
      zoomOut: GERMAN.zoomOut,
      fitView: GERMAN.fitView,
      zoomInTitle: GERMAN.zoomIn,
    });
    // The canvas's own help is the same sentence.
    expect(root.querySelector('.gr-release-graph__canvas')).toHaveAccessibleDescription(GERMAN.keyboardHelp);
  });
});

describe('the minimap (drawn in the browser only)', () => {
  it('is named by the messages', () => {
    const named = (root: HTMLElement) => root.querySelector('.react-flow__minimap svg title')?.textContent;
    expect(named(clientRendered(<ReleaseGraph release={release} showMinimap />))).toBe(DEFAULT_MESSAGES.graph.minimap);
    expect(named(clientRendered(<ReleaseGraph release={release} showMinimap />, messages))).toBe(GERMAN.minimap);
  });
});
