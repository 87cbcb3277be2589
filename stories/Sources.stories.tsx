// Releases read from real systems' data through the adapters: the fixtures are written from each
// system's schema (Codefresh GitOps' GraphQL, Kargo's api/v1alpha1, GitHub's REST deployments and
// Argo CD Applications).
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { fromCodefreshRelease, fromCodefreshReleasesPage, fromGitHubDeployments, fromKargo, sampleRelease, withArgoCdApplications } from 'gitops-releases/headless';
import { ReleaseView, ReleasesTable } from '../src';
import codefreshRelease from '../test/fixtures/codefresh-release.json';
import codefreshFailed from '../test/fixtures/codefresh-release-failed.json';
import codefreshPage from '../test/fixtures/codefresh-releases-page.json';
import kargoProject from '../test/fixtures/kargo-project.json';
import githubDeployments from '../test/fixtures/github-deployments.json';
import argocdApplications from '../test/fixtures/argocd-applications.json';

const meta = {
  title: 'Sources',
  parameters: { layout: 'padded' },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** A Codefresh GitOps product release (GraphQL `ProductRelease`), six environments, hooks, issues. */
export const FromCodefresh: Story = {
  render: () => <ReleaseView release={fromCodefreshRelease(codefreshRelease)} />,
  play: async ({ canvasElement }) => {
    const release = fromCodefreshRelease(codefreshRelease);
    await expect(release.environments).toHaveLength(6);
    await expect(within(canvasElement).getAllByText(release.product).length).toBeGreaterThan(0);
    await expect(canvasElement.querySelectorAll('[data-env-id]').length).toBeGreaterThan(0);
  },
};

/** A failed Codefresh release: the error banner carries Codefresh's own code and message. */
export const FromCodefreshFailed: Story = {
  render: () => <ReleaseView release={fromCodefreshRelease(codefreshFailed)} onRetry={() => {}} />,
  play: async ({ canvasElement }) => {
    const release = fromCodefreshRelease(codefreshFailed);
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(release.error!.message);
  },
};

/** A page of Codefresh releases in the table's server mode (cursors from `SliceInfo`). */
export const FromCodefreshPage: Story = {
  render: () => {
    const { releases, pageInfo } = fromCodefreshReleasesPage(codefreshPage);
    return <ReleasesTable mode="server" releases={releases} pageInfo={pageInfo} height={360} />;
  },
  play: async ({ canvasElement }) => {
    const { releases } = fromCodefreshReleasesPage(codefreshPage);
    await expect(within(canvasElement).getByRole('table')).toHaveAttribute('aria-rowcount', String(releases.length + 1));
  },
};

/** One Kargo Freight's journey through a project's Stages (Promotions, stage health). */
export const FromKargo: Story = {
  render: () => <ReleaseView release={fromKargo(kargoProject as never)} />,
  play: async ({ canvasElement }) => {
    const release = fromKargo(kargoProject as never);
    await expect(canvasElement.querySelectorAll('[data-env-id]').length).toBe(release.environments.length);
  },
};

/** GitHub Deployments (REST v3), grouped into releases by SHA, in the releases table. */
export const FromGitHub: Story = {
  render: () => <ReleasesTable releases={fromGitHubDeployments({ ...githubDeployments, environments: ['dev', 'staging', 'production'] } as never)} height={320} />,
  play: async ({ canvasElement }) => {
    const releases = fromGitHubDeployments({ ...githubDeployments, environments: ['dev', 'staging', 'production'] } as never);
    await expect(within(canvasElement).getByRole('table')).toHaveAttribute('aria-rowcount', String(releases.length + 1));
    const headers = within(canvasElement).getAllByRole('columnheader').map((th) => th.textContent);
    await expect(headers.slice(-3)).toEqual(['dev', 'staging', 'production']);
  },
};

/** The newest GitHub release, opened. */
export const FromGitHubRelease: Story = {
  render: () => <ReleaseView release={fromGitHubDeployments(githubDeployments as never)[0]!} />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-env-id]').length).toBeGreaterThan(0);
  },
};

/** A release with live Argo CD Applications laid over it: sync, health and failed operations. */
export const WithArgoCd: Story = {
  render: () => <ReleaseView release={withArgoCdApplications(sampleRelease({ shape: 'regions', state: 'running' }), argocdApplications as never)} defaultTab="applications" />,
  play: async ({ canvasElement }) => {
    const overlaid = withArgoCdApplications(sampleRelease({ shape: 'regions', state: 'running' }), argocdApplications as never);
    const before = sampleRelease({ shape: 'regions', state: 'running' });
    const changed = overlaid.environments.flatMap((e, i) => e.applications.filter((a, j) => a.health !== before.environments[i]!.applications[j]!.health));
    await expect(changed.length).toBeGreaterThan(0);
    await expect(within(canvasElement).getByRole('tabpanel')).toBeVisible();
  },
};
