import { useMemo } from 'react';
import type { Release, Status } from 'gitops-releases/headless';
import { isTerminalStatus, parseTime } from '../../headless/internal';
import { useNow } from '../internal/time';

/** The latest moment the release's own data knows about (creation, updates, starts, finishes). */
export function latestKnownTime(release: Release): number {
  let latest = 0;
  const see = (iso: string | undefined) => {
    const ms = parseTime(iso);
    if (ms !== undefined && ms > latest) latest = ms;
  };
  see(release.createdAt);
  see(release.updatedAt);
  see(release.finishedAt);
  for (const environment of environmentsOf(release)) {
    see(environment.startedAt);
    see(environment.finishedAt);
  }
  return latest;
}

/**
 * "Now" for a release: the shared ticking clock while `active`, but never earlier than the latest
 * time in the data. On the server (clock 0) that makes durations end at the last update, the same
 * on server and client, and a clock that lags the source system never shows negative time.
 */
export function useReleaseNow(release: Release, active: boolean): number {
  const clock = useNow(active);
  const floor = useMemo(() => latestKnownTime(release), [release]);
  return Math.max(clock, floor);
}

/** The release's environments, or none when the data has no list (untyped input). */
export function environmentsOf(release: Release): Release['environments'] {
  return Array.isArray(release.environments) ? release.environments : [];
}

/** A status still moving: neither finished nor waiting to begin. */
export function isUnderway(status: Status): boolean {
  return !isTerminalStatus(status) && status !== 'queued' && status !== 'pending' && status !== 'unknown';
}
