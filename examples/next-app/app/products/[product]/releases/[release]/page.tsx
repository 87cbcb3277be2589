import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findProduct, findRelease, productHref } from '../../../../../lib/data';
import { ReleasePanel } from './release-panel';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * One release. A server component: it finds the release and reads the open environment and tab
 * from the URL; the view on the client reports the reader's choices back into the URL.
 */
export default async function ReleasePage({
  params,
  searchParams,
}: {
  params: Promise<{ product: string; release: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { product: productId, release: releaseId } = await params;
  const product = findProduct(productId);
  const release = product ? findRelease(product, releaseId) : undefined;
  if (!product || !release) notFound();
  const query = await searchParams;
  const environment = first(query.environment) ?? null;
  const tab = first(query.tab) === 'notes' ? 'notes' : 'graph';
  return (
    <section aria-label={`Release ${release.version ?? release.id}`}>
      <nav aria-label="Breadcrumbs" className="app-breadcrumbs">
        <Link href="/">Products</Link> / <Link href={productHref(product.id)}>{product.name}</Link> / <span aria-current="page">{release.version ?? release.id}</span>
      </nav>
      <ReleasePanel release={release} environment={environment} tab={tab} />
    </section>
  );
}
