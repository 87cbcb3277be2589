// Names that collide once joined into a key: a React key, a memo key or a group key built from
// names must keep two different names (or pairs of names) apart, and React must not warn.
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReleaseDiff, ReleaseNotes, ReleasesTable } from '../../src';
import { environment, release } from '../fixtures/release';

let logged: ReturnType<typeof vi.spyOn>[];
beforeEach(() => {
  logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
});
afterEach(() => {
  const messages = logged.flatMap((spy) => spy.mock.calls.map((call: unknown[]) => call.map(String).join(' ')));
  for (const spy of logged) spy.mockRestore();
  expect(messages, 'console.error or console.warn while rendering').toEqual([]);
});

const app = (name: string, version: string) => ({ name, version, sync: 'synced' as const, health: 'healthy' as const });

describe('names that would collide as joined keys', () => {
  it('gives the table a column per environment whose name holds a line break', () => {
    const names = ['dev', 'qa\nprod', 'prod'];
    render(<ReleasesTable releases={[release(names.map((name, i) => environment(name, i ? [names[i - 1]!] : [])))]} />);
    const headers = [...document.querySelectorAll('th[data-kind="environment"]')].map((th) => th.getAttribute('title'));
    expect(headers).toEqual(names);
  });

  it('keeps the notes of an application named "none" apart from the notes of no application', () => {
    const withNotes = {
      ...release([environment('dev')]),
      notes: {
        images: [],
        issues: [
          { key: 'AP-1', title: 'of the application called none', application: 'none' },
          { key: 'AP-2', title: 'of no application' },
        ],
        pullRequests: [
          { id: '1#2', title: 'one', state: 'merged' as const, repo: 'acme/a' },
          { id: '2', title: 'two', state: 'merged' as const, repo: 'acme/a#1' },
        ],
        commits: [],
      },
    };
    render(<ReleaseNotes release={withNotes} groupBy="application" />);
    const groups = [...document.querySelectorAll('.gr-release-notes__group')];
    expect(groups).toHaveLength(2);
    expect(groups[0]!.textContent).toContain('of the application called none');
    expect(groups[0]!.textContent).not.toContain('of no application');
    expect(groups[1]!.textContent).toContain('of no application');
    expect(screen.getByText('one')).toBeInTheDocument();
    expect(screen.getByText('two')).toBeInTheDocument();
  });

  it('diffs environment and application pairs that join to the same text', () => {
    const before = release([environment('a\nb', [], { applications: [app('c', '1')] }), environment('a', [], { applications: [app('b\nc', '1')] })]);
    const after = release([environment('a\nb', [], { applications: [app('c', '2')] }), environment('a', [], { applications: [app('b\nc', '3')] })]);
    render(<ReleaseDiff previous={before} next={after} />);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(2);
  });
});
