import type { Person } from 'gitops-releases/headless';
import { safeHref } from '../../headless/internal';
import { cx } from './cx';

/** Initials for a person without a (safe) avatar: "Ada Lopez" → "AL". */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((part) => [...part][0]!.toUpperCase()).join('');
}

/**
 * A person's picture (only from an http(s) URL, never sending a referrer), else their initials.
 * Decorative: the name is always written next to it.
 */
export function Avatar({ person, className, size = 20 }: { person: Person; className?: string; size?: number }) {
  const url = safeHref(person.avatarUrl);
  if (url && !url.startsWith('mailto:')) {
    return <img className={cx('gr-avatar', className)} src={url} alt="" width={size} height={size} loading="lazy" referrerPolicy="no-referrer" />;
  }
  return (
    <span className={cx('gr-avatar', className)} aria-hidden="true" style={{ width: size, height: size }}>
      {initials(person.name)}
    </span>
  );
}
