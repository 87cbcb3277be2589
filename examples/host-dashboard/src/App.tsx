import { useEffect, useState, type ReactNode } from 'react';
import { ReleasesProvider, StatusBadge, type LinkRenderProps } from 'gitops-releases';
import { ComparePage } from './ComparePage';
import { PRODUCTS, useReleases, type Product } from './data';
import { InsightsPage } from './InsightsPage';
import { ProductPage } from './ProductPage';
import { ReleasePage } from './ReleasePage';
import { Link, navigate, useLocation } from './router';
import { matchRoute, productHref } from './routes';

type Theme = 'light' | 'dark';
const THEME_KEY = 'host-dashboard:theme';

function initialTheme(): Theme {
  const saved = window.localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * The library's links, through the app's router: in-app paths (release pages, flows) navigate
 * without a page load, links to Git hosts and Argo CD open in a new tab.
 */
function renderLink({ href, className, title, external, children }: LinkRenderProps): ReactNode {
  if (external) {
    return (
      <a href={href} className={className} title={title} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  return (
    <Link href={href} className={className} title={title}>
      {children}
    </Link>
  );
}

export function App() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const location = useLocation();
  const route = matchRoute(location);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    window.localStorage.setItem(THEME_KEY, theme);
  }, [theme]);

  useEffect(() => {
    if (route.page === 'home' && PRODUCTS[0]) navigate(productHref(PRODUCTS[0].id), { replace: true });
  }, [route.page]);

  const current =
    route.page === 'product' || route.page === 'insights' || route.page === 'compare' ? route.product : route.page === 'release' ? route.target.product : undefined;

  let page: ReactNode;
  if (route.page === 'product') page = <ProductPage productId={route.product} key={route.product} />;
  else if (route.page === 'insights') page = <InsightsPage productId={route.product} days={route.days} key={route.product} />;
  else if (route.page === 'compare') page = <ComparePage productId={route.product} from={route.from} to={route.to} />;
  else if (route.page === 'release') page = <ReleasePage target={route.target} tab={route.tab} />;
  else if (route.page === 'not-found') page = <NotFound />;

  return (
    // One provider for the whole shell: the navigation's badges follow the colour mode too.
    <ReleasesProvider colorMode={theme} renderLink={renderLink} className="host">
      <header className="host-topbar">
        <Link href="/" className="host-brand" aria-label="Shipyard home">
          <Logo />
          <span className="host-brand__name">Shipyard</span>
          <span className="host-brand__org">acme</span>
        </Link>
        <div className="host-topbar__spacer" />
        <button
          type="button"
          className="host-theme-toggle"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
          <span>Dark mode</span>
        </button>
        <span className="host-avatar" title="Signed in as Dana Whitfield">
          DW
        </span>
      </header>
      <div className="host-body">
        <nav className="host-nav" aria-label="Products">
          <p className="host-nav__heading">Products</p>
          {/* The navigation is dark in both modes: its status icons take the dark palette. */}
          <ReleasesProvider colorMode="dark">
            <ul className="host-nav__list">
              {PRODUCTS.map((product) => (
                <NavItem key={product.id} product={product} current={product.id === current} />
              ))}
            </ul>
          </ReleasesProvider>
        </nav>
        <main className="host-main" id="main">
          {page}
        </main>
      </div>
    </ReleasesProvider>
  );
}

function NavItem({ product, current }: { product: Product; current: boolean }) {
  const newest = useReleases(product)[0];
  return (
    <li>
      <Link href={productHref(product.id)} className="host-nav__link" aria-current={current ? 'page' : undefined}>
        <span className="host-nav__name">{product.name}</span>
        {newest ? <StatusBadge status={newest.status} variant="icon-only" size="sm" /> : null}
      </Link>
    </li>
  );
}

function NotFound() {
  return (
    <section className="host-page host-empty">
      <h1>Page not found</h1>
      <p>
        That address is not a page of this dashboard. <Link href="/">Go to the products</Link>.
      </p>
    </section>
  );
}

const Logo = () => (
  <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
    <rect width="24" height="24" rx="6" fill="var(--host-accent)" />
    <path d="M5 15.5h14l-2.2 3.5H7.2Z" fill="var(--host-on-accent)" />
    <path d="M11.25 4.5v9.5H6.5Z" fill="var(--host-on-accent)" opacity="0.85" />
    <path d="M12.75 7v7h4.5Z" fill="var(--host-on-accent)" opacity="0.65" />
  </svg>
);

const MoonIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true" focusable="false">
    <path d="M13.5 9.6A5.75 5.75 0 0 1 6.4 2.5a5.75 5.75 0 1 0 7.1 7.1Z" strokeLinejoin="round" />
  </svg>
);

const SunIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" aria-hidden="true" focusable="false">
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
  </svg>
);
