import { createReleaseLinks, type ReleaseTarget } from 'gitops-releases/headless';
import type { ReleaseViewTab } from 'gitops-releases';
import type { InsightsWindowDays } from 'gitops-releases/insights';

/**
 * The dashboard's URLs. Release pages use the library's link shape
 * (`/products/:product/releases/:id?environment=…&step=…`), so a commit status's Details link,
 * a chat message or a bookmark opens the same page; the open tab rides along as `tab`.
 */
export const links = createReleaseLinks({ origin: window.location.origin });

export const TABS: readonly ReleaseViewTab[] = ['graph', 'notes', 'applications', 'timeline'];
const DEFAULT_TAB: ReleaseViewTab = 'graph';

/** The Insights page's windows, in days; a link without one (or with another) shows the default. */
export const WINDOWS: readonly InsightsWindowDays[] = [7, 30, 90];
const DEFAULT_DAYS: InsightsWindowDays = 30;

export type Route =
  | { page: 'home' }
  | { page: 'product'; product: string }
  | { page: 'insights'; product: string; days: InsightsWindowDays }
  /** Release ids as the URL gave them (decoded, unchecked): the page looks them up. */
  | { page: 'compare'; product: string; from: string | undefined; to: string | undefined }
  | { page: 'release'; target: ReleaseTarget; tab: ReleaseViewTab }
  | { page: 'not-found' };

const PRODUCT_PATH = /^\/products\/([^/]+)(?:\/(insights|compare))?\/?$/;

export function matchRoute(url: URL): Route {
  if (url.pathname === '/') return { page: 'home' };
  const target = links.parse(url.pathname + url.search);
  if (target) {
    const tab = url.searchParams.get('tab');
    return { page: 'release', target, tab: TABS.find((t) => t === tab) ?? DEFAULT_TAB };
  }
  const match = PRODUCT_PATH.exec(url.pathname);
  if (!match) return { page: 'not-found' };
  let product: string;
  try {
    product = decodeURIComponent(match[1]!);
  } catch {
    return { page: 'not-found' };
  }
  if (match[2] === 'insights') {
    const days = Number(url.searchParams.get('days'));
    return { page: 'insights', product, days: WINDOWS.find((choice) => choice === days) ?? DEFAULT_DAYS };
  }
  if (match[2] === 'compare') {
    // URLSearchParams decodes (and leaves a malformed escape as it is): the ids are plain strings.
    return { page: 'compare', product, from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined };
  }
  return { page: 'product', product };
}

export const productHref = (product: string) => `/products/${encodeURIComponent(product)}`;

/** The product's Insights page over the last `days` days. */
export const insightsHref = (product: string, days: InsightsWindowDays = DEFAULT_DAYS) => `${productHref(product)}/insights?days=${days}`;

/** Two releases of a product compared, older (`from`) to newer (`to`): both ids in the query, encoded. */
export const compareHref = (product: string, from: string, to: string) =>
  `${productHref(product)}/compare?${new URLSearchParams({ from, to }).toString()}`;

/** A release page's link: the library's shape, plus the tab when it is not the graph. */
export function releaseHref(target: ReleaseTarget, tab: ReleaseViewTab = DEFAULT_TAB): string {
  const href = links.href(target);
  if (tab === DEFAULT_TAB) return href;
  return `${href}${href.includes('?') ? '&' : '?'}tab=${tab}`;
}
