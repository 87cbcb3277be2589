import { useCallback, useMemo } from 'react';
import { ReleaseComparison } from 'gitops-releases/notes';
import type { Release } from 'gitops-releases/headless';
import { findProduct, useReleases } from './data';
import { ProductBreadcrumbs, UnknownProduct } from './ProductHeader';
import { Link } from './router';
import { productHref, releaseHref } from './routes';

/**
 * Two releases of a product compared (`?from=<older id>&to=<newer id>`), with the history so the
 * notes of the releases in between count too. The ids come from the URL: they are looked up in
 * a Map, and an id the product does not have says so.
 */
export function ComparePage({ productId, from, to }: { productId: string; from: string | undefined; to: string | undefined }) {
  const product = findProduct(productId);
  const releases = useReleases(product);
  const byId = useMemo(() => new Map(releases.map((release) => [release.id, release])), [releases]);
  const getReleaseHref = useCallback((release: Release) => releaseHref({ product: release.product, releaseId: release.id }), []);

  if (!product) return <UnknownProduct productId={productId} />;

  const missing = [...new Set([from, to])].filter((id): id is string => id !== undefined && !byId.has(id));
  const breadcrumbs = <ProductBreadcrumbs product={product} current="Compare" />;

  if (missing.length > 0) {
    return (
      <section className="host-page host-empty">
        {breadcrumbs}
        <h1>{missing.length === 1 ? 'Release not found' : 'Releases not found'}</h1>
        <p>
          {product.name} has no release {missing.map((id) => `“${id}”`).join(' or ')}, so there is nothing to compare.{' '}
          <Link href={productHref(product.id)}>Back to {product.name}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="host-page" aria-labelledby="compare-title">
      {breadcrumbs}
      <h1 id="compare-title" className="host-page__title host-page__title--spaced">
        Compare releases
      </h1>
      <div className="host-card">
        <ReleaseComparison
          older={from === undefined ? undefined : byId.get(from)}
          newer={to === undefined ? undefined : byId.get(to)}
          releases={releases}
          getReleaseHref={getReleaseHref}
        />
      </div>
    </section>
  );
}
