import { useCallback } from 'react';
import { ReleaseInsights, type InsightsWindowDays } from 'gitops-releases/insights';
import type { Release } from 'gitops-releases/headless';
import { findProduct, useReleases } from './data';
import { ProductHeader, UnknownProduct } from './ProductHeader';
import { navigate } from './router';
import { insightsHref, releaseHref } from './routes';

/**
 * How a product's team delivers: the library's ReleaseInsights on the product's history, its
 * window in the URL (`?days=7`), so a shared link opens the same view; failed deployments link
 * to their release pages.
 */
export function InsightsPage({ productId, days }: { productId: string; days: InsightsWindowDays }) {
  const product = findProduct(productId);
  const releases = useReleases(product);
  // A window is a way to look at the page, not a page of its own: the link is replaced, not pushed.
  const onDaysChange = useCallback((next: InsightsWindowDays) => navigate(insightsHref(productId, next), { replace: true }), [productId]);
  const getReleaseHref = useCallback((release: Release) => releaseHref({ product: release.product, releaseId: release.id }), []);

  if (!product) return <UnknownProduct productId={productId} />;

  return (
    <section className="host-page" aria-labelledby="product-title">
      <ProductHeader product={product} current="insights" />
      <ReleaseInsights
        releases={releases}
        days={days}
        onDaysChange={onDaysChange}
        getReleaseHref={getReleaseHref}
        headingLevel={2}
        aria-label={`${product.name} delivery insights`}
      />
    </section>
  );
}
