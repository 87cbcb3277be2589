'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { Theme } from '../lib/theme';

const NEXT: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' };
const LABEL: Record<Theme, string> = { system: 'System theme', dark: 'Dark theme', light: 'Light theme' };

/** Cycles system → dark → light: writes the cookie, then lets the server render the page in it. */
export function ThemeToggle({ theme }: { theme: Theme }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = () => {
    const next = NEXT[theme];
    document.cookie = `theme=${next}; path=/; max-age=31536000; samesite=lax`;
    startTransition(() => router.refresh());
  };
  return (
    <button type="button" className="app-theme-toggle" onClick={choose} aria-busy={pending || undefined}>
      {LABEL[theme]}
    </button>
  );
}
