import { sampleReleaseHistory, type Release, type SampleFlowShape } from 'gitops-releases/headless';

export { productHref, releaseHref } from './links';

/**
 * The dashboard's data, read on the server. A real host would query its GitOps platform (or a
 * database fed by it) here; the example uses the library's sample history, built once per server
 * process so every page and every request agree on the releases and their ids.
 */

export interface Product {
  id: string;
  name: string;
  description: string;
  shape: SampleFlowShape;
  seed: number;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'checkout', name: 'Checkout', description: 'Cart, pricing and payment capture.', shape: 'sequential', seed: 1 },
  { id: 'payments', name: 'Payments', description: 'Card and wallet processing, refunds and settlement.', shape: 'parallel', seed: 7 },
  { id: 'storefront', name: 'Storefront', description: 'Catalogue, search and product pages in three regions.', shape: 'regions', seed: 3 },
];

// Minutes before the server started: the newest release is still being promoted.
const STARTED = new Date(Date.now() - 4 * 60_000).toISOString();
const histories = new Map<string, Release[]>();

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

/** A product's releases, newest first. */
export function releasesOf(product: Product): Release[] {
  let releases = histories.get(product.id);
  if (!releases) {
    releases = sampleReleaseHistory({ count: 60, seed: product.seed, shape: product.shape, product: product.id, now: STARTED });
    histories.set(product.id, releases);
  }
  return releases;
}

export function findRelease(product: Product, id: string): Release | undefined {
  return releasesOf(product).find((release) => release.id === id);
}
