import Link from 'next/link';
import { notFound } from 'next/navigation';
import { fromSearchParams } from 'gitops-releases/headless';
import { findProduct, releasesOf } from '../../../lib/data';
import { ProductReleases } from './product-releases';

type SearchParams = Record<string, string | string[] | undefined>;

/** Flattens Next's search params into the URLSearchParams the table's URL state is read from. */
function toURLSearchParams(params: SearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, item);
  }
  return search;
}

/**
 * A product's releases. A server component: it reads the releases and the table's state from the
 * URL on the server and passes both, as plain data, to the table on the client.
 */
export default async function ProductPage({ params, searchParams }: { params: Promise<{ product: string }>; searchParams: Promise<SearchParams> }) {
  const product = findProduct((await params).product);
  if (!product) notFound();
  const releases = releasesOf(product);
  const defaultState = fromSearchParams(toURLSearchParams(await searchParams));
  return (
    <section aria-labelledby="product-title">
      <nav aria-label="Breadcrumbs" className="app-breadcrumbs">
        <Link href="/">Products</Link>
      </nav>
      <h1 id="product-title">{product.name}</h1>
      <p className="app-lead">{product.description}</p>
      <ProductReleases productId={product.id} productName={product.name} releases={releases} defaultState={defaultState} />
    </section>
  );
}
