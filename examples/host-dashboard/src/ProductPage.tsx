import { useCallback, useMemo } from 'react';
import { ReleasesTable } from 'gitops-releases';
import { countByStatusGroup, fromSearchParams, toSearchString, type Release, type ReleasesTableState } from 'gitops-releases/headless';
import { findProduct, useReleases } from './data';
import { ProductHeader, UnknownProduct } from './ProductHeader';
import { navigate } from './router';
import { compareHref, releaseHref } from './routes';

/**
 * A product's page: its header and every release, with the table's filters kept in the URL. Two
 * releases selected in the table open their comparison.
 */
export function ProductPage({ productId }: { productId: string }) {
  const product = findProduct(productId);
  const releases = useReleases(product);
  // Read once: afterwards the table owns its state and writes it back to the URL.
  const defaultState = useMemo(() => fromSearchParams(window.location.search), []);
  const onStateChange = useCallback((state: ReleasesTableState) => {
    navigate(window.location.pathname + toSearchString(state), { replace: true });
  }, []);
  const getReleaseHref = useCallback((release: Release) => releaseHref({ product: release.product, releaseId: release.id }), []);
  const open = useCallback((release: Release) => navigate(getReleaseHref(release)), [getReleaseHref]);
  const compare = useCallback((older: Release, newer: Release) => navigate(compareHref(productId, older.id, newer.id)), [productId]);

  if (!product) return <UnknownProduct productId={productId} />;

  const finished = releases.filter((release) => release.status === 'succeeded' || release.status === 'failed' || release.status === 'terminated');
  const succeeded = finished.filter((release) => release.status === 'succeeded').length;
  const counts = countByStatusGroup(releases);
  const newest = releases[0];

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
            <dt>Success rate</dt>
            <dd>{finished.length ? `${Math.round((succeeded / finished.length) * 100)}%` : '—'}</dd>
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
          height="calc(100vh - 420px)"
          aria-label={`${product.name} releases`}
        />
      </div>
    </section>
  );
}
