import type { ReactNode } from 'react';
import { safeHref } from '../../headless/internal';
import { useReleasesContext } from '../provider/ReleasesProvider';

export interface LinkProps {
  /**
   * Only http, https and mailto URLs become links; anything else renders as text. An in-app link
   * (`external={false}`, built by the host's own callbacks) may also be a root-relative path.
   */
  href: string | undefined;
  className?: string;
  title?: string;
  /** Opens in a new tab with a plain `<a>`. @default true */
  external?: boolean;
  children: ReactNode;
}

/** A link through the provider's `renderLink`, or an `<a>`; plain text when the URL is unsafe. */
export function Link({ href, className, title, external = true, children }: LinkProps) {
  const { renderLink } = useReleasesContext();
  const safe = safeHref(href, { allowPath: !external });
  if (!safe) {
    return (
      <span className={className} title={title}>
        {children}
      </span>
    );
  }
  if (renderLink) return <>{renderLink({ href: safe, className, title, external, children })}</>;
  return (
    <a
      href={safe}
      className={className}
      title={title}
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
    >
      {children}
    </a>
  );
}
