import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { githubKeys, jiraKeys } from 'gitops-releases/headless';
import { ReleaseNotes } from '../src';
import { HOSTILE_STRINGS, bigRelease, conventionalRelease, hostileRelease, referenceRelease } from './release-notes-data';

const issueKeys = [jiraKeys('https://aperture.atlassian.net'), githubKeys({ repo: 'aperture/trio' })];

const meta = {
  title: 'Components/ReleaseNotes',
  component: ReleaseNotes,
  args: { release: referenceRelease, issueKeys, onCopy: fn() },
  argTypes: { release: { control: false }, notes: { control: false }, issueKeys: { control: false }, error: { control: false } },
  decorators: [(Story) => <div style={{ maxWidth: 760 }}>{Story()}</div>],
} satisfies Meta<typeof ReleaseNotes>;
export default meta;
type Story = StoryObj<typeof meta>;

const section = (root: HTMLElement, name: RegExp) => within(root).getByRole('button', { name }).closest('section')!;
const items = (element: HTMLElement) => element.querySelectorAll('.gr-release-notes__item');

/**
 * The reference view's notes. It lists AP-45834 three times and one pull request three times;
 * here each is one card that says where it went and how often the sources listed it.
 */
export const Reference: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Images 3' })).toHaveAttribute('aria-expanded', 'true');
    const issues = section(canvasElement, /^Issues 4$/);
    await expect(items(issues)).toHaveLength(4);
    await expect(within(issues).getAllByRole('link', { name: 'AP-45834' })).toHaveLength(1);
    await expect(within(issues).getByText('listed 3 times')).toBeVisible();
    await expect(items(section(canvasElement, /^Pull Requests 3$/))).toHaveLength(3);
    // Issue keys in titles are links: Jira keys and GitHub references.
    await expect(canvas.getByRole('link', { name: '#398' })).toHaveAttribute('href', 'https://github.com/aperture/trio/issues/398');
    // Collapse a section with the keyboard.
    const toggle = canvas.getByRole('button', { name: 'Images 3' });
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(within(section(canvasElement, /^Images/)).queryByRole('list')).toBeNull();
  },
};

/** Search narrows every section; empty ones hide. */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search release notes' }), 'memory');
    await waitFor(() => expect(canvas.getByText('1 of 12 changes')).toBeVisible());
    await expect(canvas.queryByRole('button', { name: /^Images/ })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Issues 1' })).toBeVisible();
  },
};

/** Copy as Markdown: a changelog or chat message, in the clipboard. */
export const CopyAsMarkdown: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    await userEvent.click(canvas.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(canvas.getByText('Copied')).toBeVisible());
    await expect(copied).toContain('## Issues (4)');
    await expect(copied).toContain('[AP-45834](https://aperture.atlassian.net/browse/AP-45834)');
    await expect(args.onCopy).toHaveBeenCalledWith(copied);
  },
};

/** Pull requests and commits grouped by conventional-commit type, breaking changes first. */
export const GroupedByType: Story = {
  args: { release: conventionalRelease, groupBy: 'type' },
  play: async ({ canvasElement }) => {
    const headings = [...canvasElement.querySelectorAll('.gr-release-notes__toggle')].map((button) => button.textContent);
    await expect(headings).toEqual(['Breaking changes2', 'Features1', 'Fixes1', 'Performance1', 'Documentation1', 'Chores1', 'Other changes1']);
  },
};

/** Grouped by application: a reader looks for their service. */
export const GroupedByApplication: Story = {
  args: { groupBy: 'application' },
  play: async ({ canvasElement }) => {
    const headings = [...canvasElement.querySelectorAll('.gr-release-notes__toggle')].map((button) => button.textContent?.replace(/\d+$/, ''));
    await expect(headings).toEqual(['auth-gateway', 'checkout-web', 'pricing-svc', 'No application']);
  },
};

/** 500 changes. */
export const FiveHundred: Story = {
  args: { release: bigRelease },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('500 changes')).toBeVisible();
    await expect(items(canvasElement)).toHaveLength(500);
  },
};

/** Nothing recorded. */
export const Empty: Story = {
  args: { release: { ...referenceRelease, notes: undefined } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No changes in this release')).toBeVisible();
  },
};

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Loading release notes' })).toBeVisible();
  },
};

export const Error: Story = {
  args: { error: new globalThis.Error('GET /api/releases/7/notes: 502 Bad Gateway') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('502 Bad Gateway');
  },
};

/** Notes that are not lists show the path and the value inline. */
export const BadData: Story = {
  args: { release: { ...referenceRelease, notes: { ...referenceRelease.notes!, commits: 'nope' as never } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('$.notes.commits');
  },
};

/**
 * Hostile titles, keys, names and URLs (HTML, `javascript:` links, right-to-left overrides,
 * zero-width characters, a 100 kB message) render as inert text; nothing runs, no unsafe link.
 */
export const HostileData: Story = {
  args: { release: hostileRelease },
  play: async ({ canvasElement }) => {
    await expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    await expect(canvasElement.querySelector('.gr-release-notes script, .gr-release-notes img[src="x"], .gr-release-notes svg[onload]')).toBeNull();
    for (const link of canvasElement.querySelectorAll('a')) await expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    await expect(within(canvasElement).getAllByText(HOSTILE_STRINGS[1]!).length).toBeGreaterThan(0);
  },
};

export const Dark: Story = {
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.gr-root')).toHaveAttribute('data-color-mode', 'dark');
  },
};

/** Long names and references truncate; the whole text is on hover. */
export const LongNames: Story = {
  args: {
    release: {
      ...referenceRelease,
      notes: {
        ...referenceRelease.notes!,
        images: [{ reference: `registry.example.com/a/very/deeply/nested/organisation/path/to/the/checkout-frontend-service-with-a-long-name:${'main-'.repeat(12)}4026891`, application: 'checkout-frontend-service-with-a-long-name' }],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const reference = canvasElement.querySelector<HTMLElement>('[data-kind="image"] .gr-release-notes__truncate')!;
    await expect(reference.scrollWidth).toBeGreaterThan(reference.clientWidth);
    await expect(reference.title).toBe(reference.textContent);
  },
};
