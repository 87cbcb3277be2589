import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { compileReleaseNotes, jiraKeys, sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleaseNotes } from '../../src/components/ReleaseNotes';

const release = sampleRelease({ shape: 'regions', state: 'succeeded' });
const toggles = () => screen.getAllByRole('button').filter((button) => button.hasAttribute('aria-expanded'));

describe('ReleaseNotes', () => {
  it('lists each change once, in sections with counts, empty sections hidden', () => {
    const notes = release.notes!;
    render(<ReleaseNotes release={{ ...release, notes: { ...notes, images: [] } }} />);
    expect(toggles().map((button) => button.textContent)).toEqual([
      `Issues${new Set(notes.issues.map((issue) => issue.key)).size}`,
      `Pull Requests${notes.pullRequests.length}`,
      `Commits${notes.commits.length}`,
    ]);
    // The sample repeats its first issue: shown once, saying so.
    expect(screen.getAllByRole('link', { name: notes.issues[0]!.key })).toHaveLength(1);
    expect(screen.getByText('listed 2 times')).toBeInTheDocument();
  });

  it('collapses and expands a section', async () => {
    render(<ReleaseNotes release={release} />);
    const images = screen.getByRole('button', { name: /^Images/ });
    const list = document.getElementById(images.getAttribute('aria-controls')!)!;
    expect(list).toBeVisible();
    await userEvent.click(images);
    expect(images).toHaveAttribute('aria-expanded', 'false');
    expect(list).not.toBeVisible();
    await userEvent.click(images);
    expect(list).toBeVisible();
  });

  it('filters with the search box and says when nothing matches', async () => {
    render(<ReleaseNotes release={release} />);
    const total = compileReleaseNotes(release).counts.total;
    const key = release.notes!.issues[1]!.key;
    await userEvent.type(screen.getByRole('searchbox'), key);
    expect(screen.getByText(new RegExp(`of ${total} changes`))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: key })).toBeInTheDocument();
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'no such change');
    expect(screen.getByText('No changes match this search')).toBeInTheDocument();
  });

  it('links issue keys in titles through the resolvers, and only to http(s)', () => {
    const withKeys: Release = {
      ...release,
      notes: {
        images: [],
        issues: [],
        pullRequests: [{ id: '7', title: 'Fix totals for CHK-42 and !12', state: 'merged', repo: 'acme/x' }],
        commits: [],
      },
    };
    render(<ReleaseNotes release={withKeys} issueKeys={[jiraKeys('https://acme.atlassian.net'), { pattern: /!\d+/g, href: () => 'javascript:alert(1)' }]} />);
    expect(screen.getByRole('link', { name: 'CHK-42' })).toHaveAttribute('href', 'https://acme.atlassian.net/browse/CHK-42');
    expect(screen.queryByRole('link', { name: '!12' })).toBeNull();
    expect(screen.getByText('!12')).toBeInTheDocument();
  });

  it('copies the notes as Markdown, or shows them to copy by hand without a clipboard', async () => {
    const onCopy = vi.fn();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const { unmount } = render(<ReleaseNotes release={release} onCopy={onCopy} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining(`# ${release.product} ${release.version}`));
    expect(onCopy).toHaveBeenCalled();
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    unmount();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    render(<ReleaseNotes release={release} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(((await screen.findByRole('textbox', { name: 'Release notes as Markdown' })) as HTMLTextAreaElement).value).toContain('## Commits');
  });

  it('selects the Markdown to copy by hand, and runs nothing after it unmounts', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    const { unmount } = render(<ReleaseNotes release={release} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    const area = (await screen.findByRole('textbox', { name: 'Release notes as Markdown' })) as HTMLTextAreaElement;
    await vi.waitFor(() => expect([area.selectionStart, area.selectionEnd]).toEqual([0, area.value.length]));
    unmount();

    // Bug: the frame requested for the selection outlived a component unmounted at once. Frames
    // here run only when the test says so.
    const frames = new Map<number, FrameRequestCallback>();
    const spies = [
      vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((callback) => {
        frames.set(frames.size + 1, callback);
        return frames.size;
      }),
      vi.spyOn(globalThis, 'cancelAnimationFrame').mockImplementation((id) => void frames.delete(id)),
    ];
    let late = 0;
    try {
      render(<ReleaseNotes release={release} />);
      await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' })));
      cleanup();
      for (const callback of frames.values()) {
        late += 1;
        callback(0);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(late).toBe(0);
  });

  it('shows loading, error, empty and bad-data states inline', () => {
    const { rerender } = render(<ReleaseNotes loading />);
    expect(screen.getByRole('status', { name: 'Loading release notes' })).toBeInTheDocument();
    rerender(<ReleaseNotes error={new Error('502 Bad Gateway')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('502 Bad Gateway');
    rerender(<ReleaseNotes release={{ ...release, notes: undefined }} />);
    expect(screen.getByText('No changes in this release')).toBeInTheDocument();
    rerender(<ReleaseNotes release={{ ...release, notes: { ...release.notes!, issues: [{ title: 'x' } as never] } }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('$.notes.issues[0].key');
  });

  it('groups by application with a section per application', () => {
    render(<ReleaseNotes release={release} groupBy="application" />);
    const names = toggles().map((button) => button.textContent!.replace(/\d+$/, ''));
    expect(names).toEqual([...names].sort((a, b) => (a === 'No application' ? 1 : b === 'No application' ? -1 : a.localeCompare(b))));
    expect(names.length).toBeGreaterThan(1);
    const first = toggles()[0]!.closest('section')!;
    for (const item of within(first).getAllByRole('listitem')) expect(item).toHaveTextContent(names[0]!);
  });

  it('renders on a server', () => {
    const html = renderToString(<ReleaseNotes release={release} />);
    expect(html).toContain('gr-release-notes');
    expect(html).toContain(release.notes!.issues[0]!.key);
  });
});
