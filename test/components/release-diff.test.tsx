import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleaseDiff } from '../../src/components/ReleaseDiff';

const previous = sampleRelease({ shape: 'parallel', state: 'succeeded' });
const qa = previous.environments.find((environment) => environment.name === 'qa')!;
const next: Release = {
  ...previous,
  environments: previous.environments.map((environment) =>
    environment === qa ? { ...qa, applications: qa.applications.map((app, i) => (i === 0 ? { ...app, version: '9.9.9' } : app)) } : environment,
  ),
};
const changedApp = qa.applications[0]!;

describe('ReleaseDiff', () => {
  it('lists what changed, with the old value struck through and the new one marked', () => {
    render(<ReleaseDiff previous={previous} next={next} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent(`qa${changedApp.name}Changed`);
    expect(rows[0]!.querySelector('del')).toHaveTextContent(changedApp.version!);
    expect(rows[0]!.querySelector('ins')).toHaveTextContent('9.9.9');
    expect(screen.getByText('1 changed')).toBeInTheDocument();
  });

  it('shows the unchanged applications on request', async () => {
    render(<ReleaseDiff previous={previous} next={next} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show unchanged' }));
    expect(within(screen.getByRole('table')).getAllByRole('row').length).toBeGreaterThan(2);
  });

  it('says when nothing changed, and shows bad data inline', () => {
    const { rerender } = render(<ReleaseDiff previous={previous} next={previous} />);
    expect(screen.getByText('No application changed')).toBeInTheDocument();
    rerender(<ReleaseDiff previous={previous} next={{ ...next, environments: 'x' as never }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('$.next.environments');
  });

  it('renders on a server', () => {
    expect(renderToString(<ReleaseDiff previous={previous} next={next} />)).toContain('9.9.9');
  });
});
