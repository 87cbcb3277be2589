import type { ReactNode } from 'react';
import type { Product } from './data';
import { Link } from './router';
import { insightsHref, productHref } from './routes';

/**
 * The head of a product's pages: team, repository, name and description, what the page adds
 * beside them (`children`), and the product's pages as links, the current one marked.
 */
export function ProductHeader({ product, current, children }: { product: Product; current: 'releases' | 'insights'; children?: ReactNode }) {
  return (
    <>
      <header className="host-page__header">
        <div>
          <p className="host-eyebrow">
            {product.team} · <span className="host-mono">{product.repository}</span>
          </p>
          <h1 id="product-title" className="host-page__title">
            {product.name}
          </h1>
          <p className="host-page__lead">{product.description}</p>
        </div>
        {children}
      </header>
      <nav className="host-tabs" aria-label={`${product.name} pages`}>
        <Link href={productHref(product.id)} className="host-tabs__link" aria-current={current === 'releases' ? 'page' : undefined}>
          Releases
        </Link>
        <Link href={insightsHref(product.id)} className="host-tabs__link" aria-current={current === 'insights' ? 'page' : undefined}>
          Insights
        </Link>
      </nav>
    </>
  );
}

/** A product page's address that names no product. */
export function UnknownProduct({ productId }: { productId: string }) {
  return (
    <section className="host-page host-empty">
      <h1>Unknown product</h1>
      <p>
        There is no product called “{productId}”. <Link href="/">Go to the products</Link>.
      </p>
    </section>
  );
}

/** Products › the product › the page below it (`current`), as a breadcrumb trail. */
export function ProductBreadcrumbs({ product, current }: { product: Product; current: string }) {
  return (
    <nav className="host-breadcrumbs" aria-label="Breadcrumbs">
      <ol>
        <li>
          <Link href="/">Products</Link>
        </li>
        <li>
          <Link href={productHref(product.id)}>{product.name}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
