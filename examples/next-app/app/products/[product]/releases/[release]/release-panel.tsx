'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { EnvironmentDetails, ReleaseView, type ReleaseViewTab } from 'gitops-releases/view';
import type { Release } from 'gitops-releases/headless';
import { productHref } from '../../../../../lib/links';

/** The release's view, with the open environment's details beside it; both follow the URL. */
export function ReleasePanel({ release, environment, tab }: { release: Release; environment: string | null; tab: ReleaseViewTab }) {
  const router = useRouter();
  const pathname = usePathname();
  const go = useCallback(
    (next: { environment?: string | null; tab?: ReleaseViewTab }) => {
      const search = new URLSearchParams();
      const env = next.environment === undefined ? environment : next.environment;
      const nextTab = next.tab ?? tab;
      if (env) search.set('environment', env);
      if (nextTab !== 'graph') search.set('tab', nextTab);
      const query = search.toString();
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, environment, tab],
  );
  const getProductHref = useCallback(() => productHref(release.product), [release.product]);
  const open = environment ? release.environments.find((candidate) => candidate.name === environment) : undefined;

  return (
    <div className="app-release" data-drawer-open={open ? '' : undefined}>
      <div className="app-card">
        <ReleaseView
          release={release}
          tab={tab}
          onTabChange={(next) => go({ tab: next })}
          selectedEnvironment={environment}
          onSelectedEnvironmentChange={(name) => go({ environment: name })}
          showDetails={false}
          openEnvironment={environment}
          onOpenEnvironmentChange={(name) => go({ environment: name })}
          getProductHref={getProductHref}
          graphHeight={420}
        />
      </div>
      {open ? (
        <aside className="app-card app-drawer" aria-label="Environment">
          <EnvironmentDetails environment={open} release={release} headingLevel={2} onClose={() => go({ environment: null })} />
        </aside>
      ) : null}
    </div>
  );
}
