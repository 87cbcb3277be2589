import { existsSync } from 'node:fs';

/**
 * Launch options for Debian's Chromium (no browser is ever downloaded). `CHROMIUM_PATH` overrides
 * the executable. Running as root needs `--no-sandbox`; the background-networking flags stop
 * Chromium from calling out on a machine with no network.
 */
export function chromiumLaunchOptions() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const executablePath = candidates.find((path) => !!path && existsSync(path));
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
