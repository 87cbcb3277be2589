// What a reader or a screen reader meets in a rendered graph, for the tests of React Flow's
// screen-reader texts (in jsdom and in Chromium).

/** Words for what the graph cannot do: move, drag or delete a node (or an edge). */
export const WRONG_WORDS = /move|moving|delet|drag/i;

/** Every text in `root`: text nodes (hidden ones too) and ARIA, title, alt and placeholder attributes. */
export function spokenTexts(root: Element): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) texts.push(node.textContent);
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if ((name.startsWith('aria-') || name === 'title' || name === 'alt' || name === 'placeholder') && value.trim()) texts.push(value);
    }
  }
  return texts;
}

/** The texts React Flow writes for screen readers, found by what references them. */
export function reactFlowTexts(root: Element) {
  const byId = (id: string | null | undefined) => (id ? root.ownerDocument.getElementById(id) : null);
  const nodeWrapper = root.querySelector('.react-flow__node');
  return {
    // The description every node wrapper points at, and the one kept for edges.
    nodeDescription: byId(nodeWrapper?.getAttribute('aria-describedby'))?.textContent,
    edgeDescription: root.querySelector('[id^="react-flow__edge-desc"]')?.textContent,
    live: root.querySelector('[id^="react-flow__aria-live"]')?.textContent ?? '',
    controls: root.querySelector('.react-flow__controls')?.getAttribute('aria-label'),
    zoomIn: root.querySelector('.react-flow__controls-zoomin')?.getAttribute('aria-label'),
    zoomOut: root.querySelector('.react-flow__controls-zoomout')?.getAttribute('aria-label'),
    fitView: root.querySelector('.react-flow__controls-fitview')?.getAttribute('aria-label'),
    zoomInTitle: root.querySelector('.react-flow__controls-zoomin')?.getAttribute('title'),
  };
}
