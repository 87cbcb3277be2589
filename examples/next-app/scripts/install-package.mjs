// Installs gitops-releases into this app exactly as a user gets it: `npm pack` of the built
// package at the repository's root, then that tarball unpacked into node_modules, which is what
// `npm install <tarball>` does. Its own dependencies (React Flow, dagre, ...) come from the
// workspace's node_modules, as npm would hoist them. Run `npm run build` at the root first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('..', import.meta.url));
const root = join(app, '..', '..');

/** Packs the root package and unpacks it into `node_modules/gitops-releases`; returns the tarball's name. */
export function installPackage() {
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-releases-pack-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }));
    const target = join(app, 'node_modules', 'gitops-releases');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', join(scratch, packed.filename), '-C', target, '--strip-components=1']);
    return packed.filename;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`installed ${installPackage()}`);
}
