import { useCallback, useMemo } from 'react';
import { ReleasesTable } from 'gitops-releases';
import { computeDeliveryMetrics, countByStatusGroup, fromSearchParams, toSearchString, type Release, type ReleasesTableState } from 'gitops-releases/headless';
import { findProduct, useReleases } from './data';
import { ProductHeader, UnknownProduct } from './ProductHeader';
import { navigate } from './router';
import { compareHref, releaseHref } from './routes';

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
/** The URL param of the releases selected in the table, once for each: Back from a comparison finds them again. */
const SELECTED = 'selected';

/**
 * A product's page: its header with the last 30 days' delivery numbers, and every release, with
 * the table's filters and selection kept in the URL. Two releases selected in the table open their
 * comparison; Back from it finds them still selected.
 */
export function ProductPage({ productId }: { productId: string }) {
  const product = findProduct(productId);
  const releases = useReleases(product);
  // Read once: afterwards the table owns its state and writes it back to the URL.
  const defaultState = useMemo(() => fromSearchParams(window.location.search), []);
  const defaultSelected = useMemo(() => new URLSearchParams(window.location.search).getAll(SELECTED), []);
  const onStateChange = useCallback((state: ReleasesTableState) => {
    navigate(window.location.pathname + toSearchString(state, { base: window.location.search }), { replace: true });
  }, []);
  const onSelectedReleasesChange = useCallback((ids: readonly string[]) => {
    const params = new URLSearchParams(window.location.search);
    params.delete(SELECTED);
    for (const id of ids) params.append(SELECTED, id);
    const query = params.toString();
    navigate(window.location.pathname + (query ? `?${query}` : ''), { replace: true });
  }, []);
  const getReleaseHref = useCallback((release: Release) => releaseHref({ product: release.product, releaseId: release.id }), []);
  const open = useCallback((release: Release) => navigate(getReleaseHref(release)), [getReleaseHref]);
  const compare = useCallback((older: Release, newer: Release) => navigate(compareHref(productId, older.id, newer.id)), [productId]);
  // The same definitions as the Insights page (production deployments, DORA's change fail rate).
  const metrics = useMemo(() => computeDeliveryMetrics(releases, { days: 30 }), [releases]);

  if (!product) return <UnknownProduct productId={productId} />;

  const counts = countByStatusGroup(releases);
  const newest = releases[0];
  const failRate = metrics.changeFailRate.rate;

  return (
    <section className="host-page" aria-labelledby="product-title">
      <ProductHeader product={product} current="releases">
        <dl className="host-stats">
          <div>
            <dt>Latest</dt>
            <dd>{newest?.version ?? '—'}</dd>
          </div>
          <div>
            <dt>In progress</dt>
            <dd>{counts.running + counts.pending}</dd>
          </div>
          <div>
            <dt>Deployments, 30 days</dt>
            <dd>{metrics.deploymentFrequency.deployments}</dd>
          </div>
          <div>
            <dt>Change fail rate, 30 days</dt>
            <dd>{failRate === null ? '—' : percent.format(failRate)}</dd>
          </div>
        </dl>
      </ProductHeader>
      <div className="host-card">
        <ReleasesTable
          releases={releases}
          defaultState={defaultState}
          onStateChange={onStateChange}
          onReleaseSelect={open}
          getReleaseHref={getReleaseHref}
          onCompare={compare}
          defaultSelectedReleases={defaultSelected}
          onSelectedReleasesChange={onSelectedReleasesChange}
          height="calc(100vh - 420px)"
          aria-label={`${product.name} releases`}
        />
      </div>
    </section>
  );
}
