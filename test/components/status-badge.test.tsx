import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  HEALTH_LABELS,
  HEALTH_STATUSES,
  STATUS_LABELS,
  STATUSES,
  SYNC_LABELS,
  SYNC_STATUSES,
} from 'gitops-releases/headless';
import { ReleasesProvider, StatusBadge } from '../../src/index';

function badgeOf(container: HTMLElement): HTMLElement {
  const badge = container.querySelector<HTMLElement>('.gr-status-badge');
  if (!badge) throw new Error('no badge rendered');
  return badge;
}

describe('StatusBadge', () => {
  it.each(STATUSES)('shows %s with its label, data-status and its own glyph', (status) => {
    const { container } = render(<StatusBadge status={status} />);
    const badge = badgeOf(container);
    expect(badge).toHaveTextContent(STATUS_LABELS[status]);
    expect(badge).toHaveAttribute('data-status', status);
    expect(badge).toHaveAttribute('data-kind', 'release');
    expect(badge).toHaveAttribute('data-variant', 'subtle');
    expect(badge).toHaveAttribute('data-size', 'md');
    expect(badge).toHaveAttribute('title', STATUS_LABELS[status]);
    const svg = badge.querySelector('svg')!;
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(svg).toHaveAttribute('focusable', 'false');
    expect(svg).toHaveAttribute('data-glyph', status);
  });

  it('draws a different shape for every status', () => {
    const shapes = STATUSES.map((status) => {
      const { container, unmount } = render(<StatusBadge status={status} />);
      const html = container.querySelector('svg')!.innerHTML;
      unmount();
      return html;
    });
    expect(new Set(shapes).size).toBe(STATUSES.length);
  });

  it.each(SYNC_STATUSES)('shows sync %s', (status) => {
    const { container } = render(<StatusBadge kind="sync" status={status} />);
    expect(badgeOf(container)).toHaveTextContent(SYNC_LABELS[status]);
    expect(badgeOf(container)).toHaveAttribute('data-kind', 'sync');
    expect(badgeOf(container)).toHaveAttribute('data-status', status);
  });

  it.each(HEALTH_STATUSES)('shows health %s', (status) => {
    const { container } = render(<StatusBadge kind="health" status={status} />);
    expect(badgeOf(container)).toHaveTextContent(HEALTH_LABELS[status]);
    expect(badgeOf(container)).toHaveAttribute('data-kind', 'health');
    expect(badgeOf(container)).toHaveAttribute('data-status', status);
  });

  it('shows a pull request glyph and label for a step waiting for its pull request', () => {
    const { container } = render(<StatusBadge status="suspended" waitingFor="pull-request" />);
    const badge = badgeOf(container);
    expect(badge).toHaveAttribute('data-status', 'suspended');
    expect(badge).toHaveAttribute('data-waiting-for', 'pull-request');
    expect(badge).toHaveTextContent('Waiting for PR merge');
    expect(badge.querySelector('svg')).toHaveAttribute('data-glyph', 'pull-request');
  });

  it('ignores waitingFor on a status other than suspended', () => {
    const { container } = render(<StatusBadge status="running" waitingFor="pull-request" />);
    expect(badgeOf(container)).not.toHaveAttribute('data-waiting-for');
    expect(badgeOf(container)).toHaveTextContent('Running');
  });

  it.each(['solid', 'subtle'] as const)('renders the %s variant with its text', (variant) => {
    const { container } = render(<StatusBadge status="succeeded" variant={variant} size="lg" />);
    const badge = badgeOf(container);
    expect(badge).toHaveAttribute('data-variant', variant);
    expect(badge).toHaveAttribute('data-size', 'lg');
    expect(badge).toHaveTextContent('Succeeded');
    expect(badge).not.toHaveAttribute('role');
  });

  it('gives the icon-only variant an accessible name and a tooltip, and no visible text', () => {
    render(<StatusBadge status="failed" variant="icon-only" />);
    const img = screen.getByRole('img', { name: 'Failed' });
    expect(img).toHaveAttribute('title', 'Failed');
    expect(img).toHaveTextContent('');
    expect(img.querySelector('.gr-status-badge__label')).toBeNull();
  });

  it('uses a custom string label as the icon-only name, and the default label for markup', () => {
    const { rerender } = render(<StatusBadge status="failed" variant="icon-only" label="Broke" />);
    expect(screen.getByRole('img', { name: 'Broke' })).toBeInTheDocument();
    rerender(<StatusBadge status="failed" variant="icon-only" label={<em>Broke</em>} />);
    expect(screen.getByRole('img', { name: 'Failed' })).toBeInTheDocument();
  });

  it('renders a label as text, never as HTML', () => {
    const { container } = render(<StatusBadge status="failed" label="<img src=x onerror=alert(1)>" />);
    expect(container.querySelector('img')).toBeNull();
    expect(badgeOf(container)).toHaveTextContent('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['a word outside the vocabulary', 'PROMOTING_SIDEWAYS', '"PROMOTING_SIDEWAYS"'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['an object', { phase: 'Running' }, 'object'],
  ])('shows %s as Unknown with the raw value in the title', (_, raw, shown) => {
    const { container } = render(<StatusBadge status={raw as never} />);
    const badge = badgeOf(container);
    expect(badge).toHaveAttribute('data-status', 'unknown');
    expect(badge).toHaveTextContent('Unknown');
    expect(badge.getAttribute('title')).toContain(shown);
    expect(badge.querySelector('svg')).toHaveAttribute('data-glyph', 'unknown');
  });

  it('treats a status of another vocabulary as Unknown (a release status given as health)', () => {
    const { container } = render(<StatusBadge kind="health" status={'failed' as never} />);
    expect(badgeOf(container)).toHaveAttribute('data-status', 'unknown');
    expect(badgeOf(container)).toHaveTextContent('Unknown');
  });

  it('falls back to defaults for unexpected kind, variant and size values', () => {
    const { container } = render(
      <StatusBadge kind={'weird' as never} status="failed" variant={'neon' as never} size={'xl' as never} />,
    );
    const badge = badgeOf(container);
    expect(badge).toHaveAttribute('data-kind', 'release');
    expect(badge).toHaveAttribute('data-variant', 'subtle');
    expect(badge).toHaveAttribute('data-size', 'md');
    expect(badge).toHaveTextContent('Failed');
  });

  it('applies className, style and classNames to the parts', () => {
    const { container } = render(
      <StatusBadge
        status="running"
        className="host-badge"
        style={{ marginInlineStart: 4, ['--gr-status-running-fg' as string]: 'rebeccapurple' }}
        classNames={{ root: 'host-root', icon: 'host-icon', label: 'host-label' }}
      />,
    );
    const badge = badgeOf(container);
    expect(badge).toHaveClass('gr-status-badge', 'host-badge', 'host-root');
    expect(badge.style.marginInlineStart).toBe('4px');
    expect(badge.style.getPropertyValue('--gr-status-running-fg')).toBe('rebeccapurple');
    expect(badge.querySelector('svg')).toHaveClass('gr-status-badge__icon', 'host-icon');
    expect(badge.querySelector('.gr-status-badge__label')).toHaveClass('host-label');
  });

  it('takes a host title over the default one', () => {
    const { container } = render(<StatusBadge status="failed" title="Failed at 10:02 in qa" />);
    expect(badgeOf(container)).toHaveAttribute('title', 'Failed at 10:02 in qa');
  });

  it('carries gr-root itself without a provider (so token defaults reach it), and not inside one', () => {
    const alone = render(<StatusBadge status="failed" />);
    expect(badgeOf(alone.container)).toHaveClass('gr-root');
    alone.unmount();
    const inside = render(
      <ReleasesProvider colorMode="dark">
        <StatusBadge status="failed" />
      </ReleasesProvider>,
    );
    expect(badgeOf(inside.container)).not.toHaveClass('gr-root');
  });

  it('shows a named, busy placeholder while loading, with no status and no text', () => {
    const { container } = render(
      <ReleasesProvider messages={{ loading: 'Statut en cours de chargement' }}>
        <StatusBadge status="failed" loading />
      </ReleasesProvider>,
    );
    const badge = badgeOf(container);
    expect(badge).toHaveAttribute('role', 'status');
    expect(badge).toHaveAttribute('aria-busy', 'true');
    expect(badge).toHaveAccessibleName('Statut en cours de chargement');
    expect(badge).toHaveAttribute('data-loading');
    expect(badge).not.toHaveAttribute('data-status');
    expect(badge.textContent).toBe('');
  });
});
