import type { CompiledReleaseNotes, NoteItem, TextPart } from './compile';

/**
 * Untrusted text as Markdown text: characters Markdown would read as syntax (or HTML) are
 * escaped, line breaks and control characters become spaces, so a title cannot add a heading,
 * a list, a link or markup to a changelog or a chat message. Every item is a list item, whose
 * content may itself start a block: a leading `-`, `+`, `>`, `=`, `1.` or `1)` is escaped too.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>&~#!|]/g, (c) => `\\${c}`)
    .replace(/^([-+>=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Control characters and line breaks as spaces, trimmed. */
function oneLine(text: string): string {
  // Control characters are what this must remove.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** A code span that cannot end early: on one line, its backticks replaced. */
const code = (text: string) => `\`${oneLine(text).replace(/`/g, "'") || ' '}\``;

/** A link only for http(s) URLs, with the characters that would end or bend the URL percent-encoded. */
function link(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return text;
  const target = url.replace(/[()<>\\\s]/g, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`));
  return `[${text}](${target})`;
}

const parts = (list: TextPart[]) => list.map((part) => (part.href ? link(escapeMarkdown(part.text), part.href) : escapeInline(part.text))).join('').trim();

/** Like `escapeMarkdown`, for text that sits inside a line (its spaces at the ends are kept). */
function escapeInline(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/[\\`*_[\]<>&~#!|]/g, (c) => `\\${c}`);
}

/** Text that starts a list item's content: what would start a block is escaped. */
const lead = (text: string) => text.replace(/^(\s*)([-+>=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');

function line(item: NoteItem): string {
  const where = item.applications.length ? ` (${item.applications.map(escapeMarkdown).join(', ')})` : '';
  switch (item.kind) {
    case 'image':
      return `- ${link(code(item.reference), item.url)}${where}`;
    case 'issue':
      return `- ${link(escapeMarkdown(item.key), item.url)}${item.title ? `: ${escapeMarkdown(item.title)}` : ''}${item.assignee ? `, assigned to ${escapeMarkdown(item.assignee.name)}` : ''}${where}`;
    case 'pull-request':
      return `- ${lead(parts(item.titleParts))} ${link(`${escapeMarkdown(item.repo ?? '')}\\#${escapeMarkdown(item.id)}`, item.url)}${item.author ? ` by ${escapeMarkdown(item.author.name)}` : ''}${where}`;
    case 'commit':
      return `- ${link(code(item.shortSha), item.url)} ${parts(item.titleParts)}${item.author ? ` by ${escapeMarkdown(item.author.name)}` : ''}${where}`;
  }
}

/**
 * The notes as Markdown for changelogs and chat messages: a heading, then one section per
 * non-empty group with its count (Images, Issues, Pull Requests, Commits), one bullet per item.
 */
export function releaseNotesToMarkdown(notes: CompiledReleaseNotes, options: { title?: string } = {}): string {
  const out: string[] = [];
  if (options.title) out.push(`# ${escapeMarkdown(options.title)}`, '');
  const sections: Array<[string, NoteItem[]]> = [
    ['Images', notes.images],
    ['Issues', notes.issues],
    ['Pull Requests', notes.pullRequests],
    ['Commits', notes.commits],
  ];
  for (const [name, items] of sections) {
    if (items.length === 0) continue;
    out.push(`## ${name} (${items.length})`, '', ...items.map(line), '');
  }
  if (sections.every(([, items]) => items.length === 0)) out.push('No changes.', '');
  return out.join('\n');
}
