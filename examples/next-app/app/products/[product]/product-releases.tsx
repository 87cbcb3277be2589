'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { ReleasesTable } from 'gitops-releases/table';
import { toSearchString, type Release, type ReleasesTableState } from 'gitops-releases/headless';
import { releaseHref } from '../../../lib/links';

/**
 * The table, on the client: the releases come from the server component as data; the callbacks
 * (links, row clicks, state in the URL) are defined here, since functions cannot cross from server
 * to client.
 */
export function ProductReleases({
  productId,
  productName,
  releases,
  defaultState,
}: {
  productId: string;
  productName: string;
  releases: Release[];
  defaultState: ReleasesTableState;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const getReleaseHref = useCallback((release: Release) => releaseHref(productId, release.id), [productId]);
  const open = useCallback((release: Release) => router.push(getReleaseHref(release)), [router, getReleaseHref]);
  const onStateChange = useCallback(
    (state: ReleasesTableState) => router.replace(pathname + toSearchString(state), { scroll: false }),
    [router, pathname],
  );
  return (
    <ReleasesTable
      releases={releases}
      defaultState={defaultState}
      onStateChange={onStateChange}
      onReleaseSelect={open}
      getReleaseHref={getReleaseHref}
      height="calc(100vh - 260px)"
      aria-label={`${productName} releases`}
    />
  );
}
