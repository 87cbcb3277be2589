/** The app's addresses, shared by server and client components. */
export const productHref = (product: string) => `/products/${encodeURIComponent(product)}`;

export const releaseHref = (product: string, release: string, environment?: string | null) =>
  `${productHref(product)}/releases/${encodeURIComponent(release)}${environment ? `?environment=${encodeURIComponent(environment)}` : ''}`;
