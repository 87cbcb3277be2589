import type { CompiledReleaseNotes, NoteItem, TextPart } from './compile';

/**
 * Untrusted text as Markdown text: characters Markdown would read as syntax (or HTML) are
 * escaped, line breaks and control characters become spaces, so a title cannot add a heading,
 * a link or markup to a changelog or a chat message.
 */
export function escapeMarkdown(text: string): string {
  return text
    // Control characters are what this must remove.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    // Inline syntax only: every line is a bullet or a heading already, so `#`, `-` or `1.` at
    // the start of a title cannot start a block, and `(` only matters after an escaped `]`.
    .replace(/[\\`*_[\]<>&~]/g, (c) => `\\${c}`)
    .trim();
}

/** A link only for http(s) URLs, with the characters that would end the URL percent-encoded. */
function link(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return text;
  return `[${text}](${url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

const parts = (list: TextPart[]) => list.map((part) => (part.href ? link(escapeMarkdown(part.text), part.href) : escapeMarkdown(part.text))).join(' ').replace(/\s+/g, ' ');

function line(item: NoteItem): string {
  const where = item.applications.length ? ` (${item.applications.map(escapeMarkdown).join(', ')})` : '';
  switch (item.kind) {
    case 'image':
      return `- ${link(`\`${item.reference.replace(/`/g, "'")}\``, item.url)}${where}`;
    case 'issue':
      return `- ${link(escapeMarkdown(item.key), item.url)}${item.title ? `: ${escapeMarkdown(item.title)}` : ''}${item.assignee ? `, assigned to ${escapeMarkdown(item.assignee.name)}` : ''}${where}`;
    case 'pull-request':
      return `- ${parts(item.titleParts)} ${link(`${escapeMarkdown(item.repo ?? '')}\\#${escapeMarkdown(item.id)}`, item.url)}${item.author ? ` by ${escapeMarkdown(item.author.name)}` : ''}${where}`;
    case 'commit':
      return `- ${link(`\`${item.shortSha}\``, item.url)} ${parts(item.titleParts)}${item.author ? ` by ${escapeMarkdown(item.author.name)}` : ''}${where}`;
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
  if (out.length === 0) out.push('No changes.', '');
  return out.join('\n');
}
