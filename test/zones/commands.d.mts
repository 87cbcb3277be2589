/** What the server's process made of the cases. */
export interface ServerRender {
  /** The zone and default locale it ran in (`Intl`'s). */
  timeZone: string;
  locale: string;
  /** The HTML of each case, by name. */
  html: Record<string, string>;
  /** What it logged (console errors and warnings, stderr): each a failure. */
  problems: string[];
}

export declare function renderOnServer(context: unknown, now: string): Promise<ServerRender>;
