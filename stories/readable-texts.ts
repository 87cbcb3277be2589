// What the German story and the i18n tests read to find English left in a rendered component.

/** Text the source system wrote (an environment's status text), shown as received. */
const SOURCE_TEXT = '.gr-environment-details__status-text, .gr-release-graph__node-subtitle';
/** Attributes whose text a reader (or a screen reader) meets. */
const ATTRIBUTES = ['aria-label', 'aria-roledescription', 'title', 'placeholder', 'alt'];

/** Every text a reader (or a screen reader) meets in `root`: text nodes and named attributes. */
export function readableTexts(root: Element): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(SOURCE_TEXT)) texts.push(node.textContent ?? '');
  }
  for (const element of root.querySelectorAll('*')) {
    if (element.closest(SOURCE_TEXT)) continue;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}

/**
 * The `english` words found in `root`. A single word must be a whole text (data such as commit
 * messages may use it inside a sentence); several words count anywhere.
 */
export function englishIn(root: Element, english: readonly string[]): string[] {
  const texts = readableTexts(root);
  return english.filter((word) => (word.includes(' ') ? texts.some((text) => text.includes(word)) : texts.some((text) => text.trim() === word)));
}
