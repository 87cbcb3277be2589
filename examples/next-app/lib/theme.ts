import { cookies } from 'next/headers';

export type Theme = 'light' | 'dark' | 'system';
export const THEME_COOKIE = 'theme';

/** The reader's theme from its cookie; `system` when there is none (or it is not one we know). */
export async function readTheme(): Promise<Theme> {
  const value = (await cookies()).get(THEME_COOKIE)?.value;
  return value === 'light' || value === 'dark' ? value : 'system';
}
