import { render, screen, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { compareReleases, sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleaseComparison } from '../../src/components/ReleaseComparison';
import { ReleasesProvider } from '../../src/components/provider';

// Two releases of one product: seed 2 was created before seed 1.
const older = sampleRelease({ shape: 'regions', seed: 2, state: 'succeeded' });
const newer = sampleRelease({ shape: 'regions', seed: 1, state: 'failed' });

describe('ReleaseComparison', () => {
  it('names both releases, older first, whichever prop holds which', () => {
    render(<ReleaseComparison older={newer} newer={older} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`From checkout ${older.version} to checkout ${newer.version}`);
    const cards = document.querySelectorAll('.gr-release-comparison__release');
    expect(cards[0]).toHaveTextContent(`Older`);
    expect(cards[0]).toHaveTextContent(`checkout ${older.version}`);
    expect(cards[1]).toHaveTextContent(`Newer`);
    expect(cards[1]).toHaveTextContent(`checkout ${newer.version}`);
  });

  it('shows each environment before and after, the applications diff, and the changes to promote', () => {
    render(<ReleaseComparison older={older} newer={newer} />);
    const environments = screen.getByRole('table', { name: 'Each environment in the two releases' });
    const rows = within(environments).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(newer.environments.map((e) => e.name));
    const failed = newer.environments.find((e) => e.status === 'failed')!;
    const row = rows.find((r) => within(r).getByRole('rowheader').textContent === failed.name)!;
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Succeeded');
    expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('Failed');
    expect(within(row).getAllByRole('cell')[2]).toHaveTextContent('Changed');
    // ReleaseDiff, reused.
    expect(screen.getByRole('table', { name: 'Changes between the two releases' })).toBeInTheDocument();
    // Every commit of the newer release is new (the samples share none).
    const { notes } = compareReleases(older, newer);
    const total = notes.counts.issues + notes.counts.pullRequests + notes.counts.commits;
    expect(screen.getByRole('heading', { name: `Changes to promote (${total})` })).toBeInTheDocument();
    for (const commit of newer.notes!.commits) expect(screen.getByTitle(commit.sha.toLowerCase())).toBeInTheDocument();
    expect(screen.getByText(`In checkout ${newer.version}, not in checkout ${older.version}`)).toBeInTheDocument();
  });

  it('counts the releases in between when given the history', () => {
    const between = { ...sampleRelease({ shape: 'regions', seed: 3 }), createdAt: new Date(Date.parse(older.createdAt) + 1000).toISOString() };
    render(<ReleaseComparison older={older} newer={newer} releases={[older, between, newer]} />);
    expect(screen.getByText(`In checkout ${newer.version} or the release before it, not in checkout ${older.version}`)).toBeInTheDocument();
    expect(screen.getByTitle(between.notes!.commits[0]!.sha)).toBeInTheDocument();
  });

  it('says so when it is one release twice', () => {
    render(<ReleaseComparison older={older} newer={{ ...older }} />);
    expect(screen.getByRole('status')).toHaveTextContent('The same release twice');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(new RegExp(`^checkout ${older.version}$`));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when nothing changes', () => {
    const copy: Release = { ...older, id: 'copy', createdAt: new Date(Date.parse(older.createdAt) + 1000).toISOString() };
    render(<ReleaseComparison older={older} newer={copy} />);
    expect(screen.getByText('Nothing changes')).toBeInTheDocument();
    expect(screen.getByText('No new commits, pull requests or issues')).toBeInTheDocument();
  });

  it('shows loading, empty and the host error', () => {
    const { rerender } = render(<ReleaseComparison loading />);
    expect(screen.getByRole('status')).toHaveTextContent('Comparing the releases');
    rerender(<ReleaseComparison />);
    expect(screen.getByRole('status')).toHaveTextContent('Nothing to compare');
    rerender(<ReleaseComparison error={new Error('GET /releases/7: 404')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the releases to compare');
    expect(screen.getByRole('alert')).toHaveTextContent('404');
  });

  it('shows bad data inline and calls onError once, not the provider', () => {
    const onError = vi.fn();
    const fromProvider = vi.fn();
    const bad = { ...newer, environments: 'x' as never };
    const { rerender } = render(
      <ReleasesProvider onError={fromProvider}>
        <ReleaseComparison older={older} newer={bad} onError={onError} />
      </ReleasesProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not compare the releases');
    expect(screen.getByRole('alert')).toHaveTextContent('$.b.environments');
    rerender(
      <ReleasesProvider onError={fromProvider}>
        <ReleaseComparison older={older} newer={bad} onError={onError} />
      </ReleasesProvider>,
    );
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![1]).toEqual({ component: 'ReleaseComparison' });
    expect(fromProvider).not.toHaveBeenCalled();
  });

  it('keeps long names whole in the text and hostile ones as text', () => {
    const long = 'checkout-'.repeat(30);
    render(<ReleaseComparison older={{ ...older, product: '<b>__proto__</b>' }} newer={{ ...newer, product: long }} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`<b>__proto__</b> ${older.version}`);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(long);
    expect(document.querySelector('b')).toBeNull();
  });

  it('takes a comparison computed by the host and a heading level', () => {
    render(<ReleaseComparison comparison={compareReleases(older, newer)} headingLevel={3} />);
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('From checkout');
    expect(screen.getByRole('heading', { level: 4, name: 'Environments' })).toBeInTheDocument();
  });

  it('renders on a server', () => {
    const html = renderToString(<ReleaseComparison older={older} newer={newer} />);
    expect(html).toContain('Changes to promote');
    expect(html).toContain(`checkout ${newer.version}`);
    expect(html).toContain('gr-release-diff');
  });
});
