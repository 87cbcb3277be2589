import { useCallback, useMemo } from 'react';
import { EnvironmentDetails, ReleaseView, StatusBadge, type ReleaseViewTab, type WorkflowStepRef } from 'gitops-releases';
import { WORKFLOW_SECTIONS, groupReleaseEnvironments, type EnvironmentStep, type Release, type ReleaseTarget } from 'gitops-releases/headless';
import { CommitChecks } from './CommitChecks';
import { findProduct, useReleases } from './data';
import { ProductBreadcrumbs } from './ProductHeader';
import { Link, navigate } from './router';
import { productHref, releaseHref } from './routes';

const NO_GROUPS: readonly string[] = [];

/** The workflow step a link names, with the list it is in, as ReleaseView and EnvironmentDetails take it. */
function workflowStepOf(environment: EnvironmentStep, name: string | undefined): WorkflowStepRef | null {
  if (!name) return null;
  const section = WORKFLOW_SECTIONS.find((key) => environment.workflows?.[key]?.some((step) => step.name === name));
  return section ? { environment: environment.name, section, name } : null;
}

/**
 * A release: the library's ReleaseView, with the open tab, the selected environment and the
 * graph's open groups in the URL, the environment's details beside it, and the commit checks Git shows for the release.
 */
export function ReleasePage({ target, tab }: { target: ReleaseTarget; tab: ReleaseViewTab }) {
  const product = findProduct(target.product);
  const releases = useReleases(product);
  const release = releases.find((candidate) => candidate.id === target.releaseId);

  const go = useCallback(
    (next: { environment?: string | null; step?: string | null; tab?: ReleaseViewTab; groups?: string[] }, options?: { replace?: boolean }) => {
      const environment = next.environment === undefined ? target.environment : (next.environment ?? undefined);
      // The step belongs to its environment: another environment drops it.
      const step =
        next.step !== undefined ? (next.step ?? undefined) : environment === target.environment ? target.step : undefined;
      // The graph's open groups ride along, so a shared link opens the fleet as it was seen.
      const groups = next.groups ?? target.groups;
      navigate(releaseHref({ product: target.product, releaseId: target.releaseId, environment, step, groups }, next.tab ?? tab), options);
    },
    [target, tab],
  );
  const getProductHref = useCallback(() => productHref(target.product), [target.product]);

  if (!product || !release) {
    return (
      <section className="host-page host-empty">
        <h1>Release not found</h1>
        <p>
          {product ? `${product.name} has no release “${target.releaseId}”.` : `There is no product called “${target.product}”.`}{' '}
          {product ? <Link href={productHref(product.id)}>Back to {product.name}</Link> : <Link href="/">Back to the products</Link>}
        </p>
      </section>
    );
  }

  const environment = target.environment ? release.environments.find((env) => env.name === target.environment) : undefined;

  return (
    <section className="host-page" aria-label={`Release ${release.version ?? release.id}`}>
      <ProductBreadcrumbs product={product} current={`Release ${release.version ?? release.id}`} />
      <div className="host-release" data-drawer-open={target.environment ? '' : undefined}>
        <div className="host-release__content">
          <div className="host-card host-release__view">
            <ReleaseView
              release={release}
              tab={tab}
              onTabChange={(next) => go({ tab: next })}
              selectedEnvironment={target.environment ?? null}
              onSelectedEnvironmentChange={(name) => go({ environment: name })}
              // The environment opens in the page's drawer (its URL can be shared), not in the view's own panel.
              showDetails={false}
              openEnvironment={target.environment ?? null}
              onOpenEnvironmentChange={(name) => go({ environment: name })}
              workflowStep={environment ? workflowStepOf(environment, target.step) : null}
              // Reported right after its environment opened: one history entry for both.
              onWorkflowStepChange={(step) => (step ? go({ environment: step.environment, step: step.name }, { replace: true }) : undefined)}
              expandedGroups={target.groups ?? NO_GROUPS}
              // Opening a group is not a page of its own: the link is replaced, not pushed.
              onExpandedGroupsChange={(groups) => go({ groups }, { replace: true })}
              getProductHref={getProductHref}
              graphHeight={440}
            />
          </div>
          <div className="host-release__extras">
            <EnvironmentList release={release} tab={tab} selected={target.environment} />
            <CommitChecks release={release} />
          </div>
        </div>
        {target.environment ? (
          <aside className="host-drawer" aria-label="Environment">
            {environment ? (
              <EnvironmentDetails
                environment={environment}
                release={release}
                headingLevel={2}
                selectedWorkflowStep={workflowStepOf(environment, target.step)}
                onClose={() => go({ environment: null })}
              />
            ) : (
              <div className="host-panel">
                <h2 className="host-panel__title">Environment not found</h2>
                <p className="host-muted">This release has no environment called “{target.environment}”.</p>
                <Link href={releaseHref({ product: target.product, releaseId: target.releaseId }, tab)}>Close</Link>
              </div>
            )}
          </aside>
        ) : null}
      </div>
    </section>
  );
}

/**
 * The release's environments, and each group of them (a fleet's wave of stores) as one entry:
 * 2,000 store links would say less than four waves. A group's link opens it in the graph.
 */
function EnvironmentList({ release, tab, selected }: { release: Release; tab: ReleaseViewTab; selected: string | undefined }) {
  const grouping = useMemo(() => groupReleaseEnvironments(release), [release]);
  const byName = useMemo(() => new Map(release.environments.map((env) => [env.name, env])), [release]);
  return (
    <div className="host-card host-panel">
      <h2 className="host-panel__title">Environments</h2>
      <ul className="host-env-list" aria-label="Environments">
        {grouping.roots.map((unit) => {
          if (unit.type === 'group') {
            const group = grouping.groups.get(unit.id)!;
            return (
              <li key={`group ${group.id}`}>
                <Link
                  href={releaseHref({ product: release.product, releaseId: release.id, groups: [group.id] }, tab)}
                  className="host-env-list__link"
                >
                  <span className="host-env-list__name">
                    {group.label} <span className="host-muted">· {group.members.length.toLocaleString('en')}</span>
                  </span>
                  <StatusBadge status={group.status} size="sm" />
                </Link>
              </li>
            );
          }
          const env = byName.get(unit.name)!;
          return (
            <li key={env.name}>
              <Link
                href={releaseHref({ product: release.product, releaseId: release.id, environment: env.name }, tab)}
                className="host-env-list__link"
                aria-current={env.name === selected ? 'true' : undefined}
              >
                <span className="host-env-list__name">{env.name}</span>
                <StatusBadge status={env.status} size="sm" />
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
