export declare const SERVER: {
  readonly timeZone: string;
  readonly locale: string;
  readonly env: Readonly<Record<'TZ' | 'LANG' | 'LC_ALL', string>>;
};
export declare const BROWSER: { readonly timeZone: string; readonly locale: string };
