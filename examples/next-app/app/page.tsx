import Link from 'next/link';
import { PRODUCTS, productHref } from '../lib/data';

/** The products: a plain server-rendered page that loads none of the library's code. */
export default function HomePage() {
  return (
    <section>
      <h1>Products</h1>
      <ul className="app-products">
        {PRODUCTS.map((product) => (
          <li key={product.id}>
            <Link href={productHref(product.id)}>{product.name}</Link>
            <p>{product.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
