import { createReleaseLinks, type ReleaseTarget } from 'gitops-releases/headless';
import type { ReleaseViewTab } from 'gitops-releases';

/**
 * The dashboard's URLs. Release pages use the library's link shape
 * (`/products/:product/releases/:id?environment=…&step=…`), so a commit status's Details link,
 * a chat message or a bookmark opens the same page; the open tab rides along as `tab`.
 */
export const links = createReleaseLinks({ origin: window.location.origin });

export const TABS: readonly ReleaseViewTab[] = ['graph', 'notes', 'applications', 'timeline'];
const DEFAULT_TAB: ReleaseViewTab = 'graph';

export type Route =
  | { page: 'home' }
  | { page: 'product'; product: string }
  | { page: 'release'; target: ReleaseTarget; tab: ReleaseViewTab }
  | { page: 'not-found' };

const PRODUCT_PATH = /^\/products\/([^/]+)\/?$/;

export function matchRoute(url: URL): Route {
  if (url.pathname === '/') return { page: 'home' };
  const target = links.parse(url.pathname + url.search);
  if (target) {
    const tab = url.searchParams.get('tab');
    return { page: 'release', target, tab: TABS.find((t) => t === tab) ?? DEFAULT_TAB };
  }
  const product = PRODUCT_PATH.exec(url.pathname)?.[1];
  if (product) {
    try {
      return { page: 'product', product: decodeURIComponent(product) };
    } catch {
      return { page: 'not-found' };
    }
  }
  return { page: 'not-found' };
}

export const productHref = (product: string) => `/products/${encodeURIComponent(product)}`;

/** A release page's link: the library's shape, plus the tab when it is not the graph. */
export function releaseHref(target: ReleaseTarget, tab: ReleaseViewTab = DEFAULT_TAB): string {
  const href = links.href(target);
  if (tab === DEFAULT_TAB) return href;
  return `${href}${href.includes('?') ? '&' : '?'}tab=${tab}`;
}
