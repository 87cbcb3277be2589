/**
 * The zones and locales of the cross-zone hydration test: the Node process that renders the
 * server's HTML runs in one, the browser that hydrates it in another, and neither is the
 * components' default locale (`en-US`) or their zone before hydration (UTC).
 */
export const SERVER = {
  timeZone: 'Pacific/Auckland',
  locale: 'fr-FR',
  env: { TZ: 'Pacific/Auckland', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' },
};
export const BROWSER = { timeZone: 'America/Los_Angeles', locale: 'de-DE' };
