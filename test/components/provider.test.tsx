import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReleasesProvider, StatusBadge } from '../../src/index';
import { useReleasesContext } from '../../src/components/provider';

function ContextProbe() {
  const { colorMode, locale, timeZone, hasProvider } = useReleasesContext();
  return <output>{JSON.stringify({ colorMode, locale, timeZone, hasProvider })}</output>;
}

describe('ReleasesProvider', () => {
  it('renders a gr-root wrapper with the colour mode, defaulting to system', () => {
    const { container } = render(
      <ReleasesProvider>
        <span>inside</span>
      </ReleasesProvider>,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.tagName).toBe('DIV');
    expect(root).toHaveClass('gr-root');
    expect(root).toHaveAttribute('data-color-mode', 'system');
    expect(root).toHaveTextContent('inside');
  });

  it.each(['light', 'dark', 'system'] as const)('sets data-color-mode="%s"', (colorMode) => {
    const { container } = render(<ReleasesProvider colorMode={colorMode} />);
    expect(container.firstElementChild).toHaveAttribute('data-color-mode', colorMode);
  });

  it('falls back to system for an unexpected colour mode', () => {
    const { container } = render(<ReleasesProvider colorMode={'sepia' as never} />);
    expect(container.firstElementChild).toHaveAttribute('data-color-mode', 'system');
  });

  it('applies className and style to the wrapper', () => {
    const { container } = render(
      <ReleasesProvider className="host" style={{ ['--gr-status-failed-fg' as string]: '#000000', padding: 2 }} />,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveClass('gr-root', 'host');
    expect(root.style.getPropertyValue('--gr-status-failed-fg')).toBe('#000000');
    expect(root.style.padding).toBe('2px');
  });

  it('relabels statuses with a partial messages record and keeps the other labels', () => {
    render(
      <ReleasesProvider
        messages={{ status: { failed: 'Échoué' }, health: { degraded: 'Dégradé' }, waitingForPullRequest: 'PR à fusionner' }}
      >
        <StatusBadge status="failed" />
        <StatusBadge status="succeeded" />
        <StatusBadge kind="health" status="degraded" />
        <StatusBadge kind="sync" status="synced" />
        <StatusBadge status="suspended" waitingFor="pull-request" />
        <StatusBadge status="failed" variant="icon-only" />
      </ReleasesProvider>,
    );
    expect(screen.getByText('Échoué')).toBeInTheDocument();
    expect(screen.getByText('Succeeded')).toBeInTheDocument();
    expect(screen.getByText('Dégradé')).toBeInTheDocument();
    expect(screen.getByText('Synced')).toBeInTheDocument();
    expect(screen.getByText('PR à fusionner')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Échoué' })).toBeInTheDocument();
  });

  it('ignores message values that are not strings, and keys outside the vocabulary', () => {
    render(
      <ReleasesProvider messages={{ status: { failed: { html: '<b>x</b>' } as never, ['exploded' as never]: 'Boom' } }}>
        <StatusBadge status="failed" />
      </ReleasesProvider>,
    );
    expect(screen.getByText('Failed')).toBeInTheDocument();
  });

  it('lets a nested provider inherit and extend the outer one', () => {
    render(
      <ReleasesProvider colorMode="dark" locale="fr-FR" timeZone="Europe/Paris" messages={{ status: { failed: 'Échoué' } }}>
        <ReleasesProvider messages={{ status: { running: 'En cours' } }}>
          <StatusBadge status="failed" />
          <StatusBadge status="running" />
          <ContextProbe />
        </ReleasesProvider>
      </ReleasesProvider>,
    );
    expect(screen.getByText('Échoué')).toBeInTheDocument();
    expect(screen.getByText('En cours')).toBeInTheDocument();
    expect(JSON.parse(screen.getByRole('status').textContent!)).toEqual({
      colorMode: 'dark',
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
      hasProvider: true,
    });
  });

  it('gives defaults without a provider, so components work on their own', () => {
    render(
      <>
        <StatusBadge status="failed" />
        <ContextProbe />
      </>,
    );
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(JSON.parse(screen.getByRole('status').textContent!)).toEqual({
      colorMode: 'light',
      locale: 'en-US',
      hasProvider: false,
    });
  });
});
