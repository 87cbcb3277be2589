// How each Git provider would show the commit status `toCommitStatus` builds: a preview for
// hosts choosing what to post, drawn with the library's tokens (not the providers' own UI).
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import {
  createReleaseLinks,
  sampleRelease,
  toCommitStatus,
  type BitbucketCommitStatus,
  type GitHubCommitStatus,
  type GitLabCommitStatus,
  type Release,
} from 'gitops-releases/headless';
import { StatusBadge } from '../src';

const links = createReleaseLinks({ basePath: '/gitops', origin: 'https://platform.example.com' });

function Preview({ release, perEnvironment = false }: { release: Release; perEnvironment?: boolean }) {
  const detailsUrl = (environment?: string) => links.url({ product: release.product, releaseId: release.id, environment });
  const github = toCommitStatus(release, { provider: 'github', detailsUrl, perEnvironment });
  const gitlab = toCommitStatus(release, { provider: 'gitlab', detailsUrl, perEnvironment });
  const bitbucket = toCommitStatus(release, { provider: 'bitbucket', detailsUrl, perEnvironment });
  const box = { border: '1px solid var(--gr-border, var(--gr-border-default))', borderRadius: 6, padding: '0.75rem 1rem', marginBottom: '1rem', maxWidth: 760 };
  const row = { display: 'flex', alignItems: 'center', gap: '0.5rem', padding: '0.25rem 0', flexWrap: 'wrap' as const };
  return (
    <div style={{ fontSize: 14 }}>
      <section style={box} aria-label="GitHub checks">
        <strong>GitHub</strong> · commit {github[0]?.sha.slice(0, 7)}
        {github.map(({ payload, status }: { payload: GitHubCommitStatus; status: Release['status'] }) => (
          <div key={payload.context} style={row} data-provider="github" data-state={payload.state}>
            <StatusBadge status={status} variant="icon-only" size="sm" />
            <code>{payload.context}</code>
            <span>— {payload.description}</span>
            <a href={payload.target_url} style={{ marginLeft: 'auto' }}>
              Details
            </a>
          </div>
        ))}
      </section>
      <section style={box} aria-label="GitLab pipeline statuses">
        <strong>GitLab</strong>
        {gitlab.map(({ payload, status }: { payload: GitLabCommitStatus; status: Release['status'] }) => (
          <div key={payload.name} style={row} data-provider="gitlab" data-state={payload.state}>
            <StatusBadge status={status} size="sm" label={payload.state} />
            <code>{payload.name}</code>
            <span>{payload.description}</span>
            <a href={payload.target_url} style={{ marginLeft: 'auto' }}>
              View
            </a>
          </div>
        ))}
      </section>
      <section style={box} aria-label="Bitbucket builds">
        <strong>Bitbucket</strong>
        {bitbucket.map(({ payload, status }: { payload: BitbucketCommitStatus; status: Release['status'] }) => (
          <div key={payload.key} style={row} data-provider="bitbucket" data-state={payload.state}>
            <StatusBadge status={status} size="sm" label={payload.state} />
            <span>{payload.name}</span>
            <span>{payload.description}</span>
            <a href={payload.url} style={{ marginLeft: 'auto' }}>
              Open
            </a>
          </div>
        ))}
      </section>
      <details style={box}>
        <summary>Payloads</summary>
        <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{JSON.stringify({ github, gitlab, bitbucket }, null, 2)}</pre>
      </details>
    </div>
  );
}

const meta = {
  title: 'Headless/Commit status preview',
  component: Preview,
  args: { release: sampleRelease({ shape: 'regions', state: 'succeeded' }) },
  argTypes: { release: { control: false } },
} satisfies Meta<typeof Preview>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A finished promotion: one check per provider, each in its own words, linking to the release. */
export const Succeeded: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('[data-provider="github"]')).toHaveAttribute('data-state', 'success');
    await expect(canvasElement.querySelector('[data-provider="gitlab"]')).toHaveAttribute('data-state', 'success');
    await expect(canvasElement.querySelector('[data-provider="bitbucket"]')).toHaveAttribute('data-state', 'SUCCESSFUL');
    const details = within(canvas.getByRole('region', { name: 'GitHub checks' })).getByRole('link', { name: 'Details' });
    // The Details link opens this release: the host's router parses it back.
    await expect(links.parse(details.getAttribute('href')!)).toEqual({ product: args.release.product, releaseId: args.release.id });
  },
};

/** A failed promotion, one status per environment's promoted commit. */
export const FailedPerEnvironment: Story = {
  args: { release: sampleRelease({ shape: 'regions', state: 'failed' }), perEnvironment: true },
  play: async ({ canvasElement }) => {
    const github = [...canvasElement.querySelectorAll<HTMLElement>('[data-provider="github"]')];
    await expect(github.length).toBeGreaterThan(1);
    await expect(github.some((row) => row.dataset.state === 'failure')).toBe(true);
    for (const row of github) await expect(row.querySelector('span:nth-of-type(2)')!.textContent!.length).toBeLessThanOrEqual(142);
    const links = github.map((row) => row.querySelector('a')!.getAttribute('href'));
    await expect(links.every((href) => href?.includes('environment='))).toBe(true);
  },
};

/** A running promotion: pending on GitHub, running on GitLab, in progress on Bitbucket. */
export const Running: Story = {
  args: { release: sampleRelease({ shape: 'regions', state: 'running' }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-provider="github"]')).toHaveAttribute('data-state', 'pending');
    await expect(canvasElement.querySelector('[data-provider="gitlab"]')).toHaveAttribute('data-state', 'running');
    await expect(canvasElement.querySelector('[data-provider="bitbucket"]')).toHaveAttribute('data-state', 'INPROGRESS');
  },
};

export const Dark: Story = {
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-provider]').length).toBe(3);
  },
};
