// An ES module stand-in for `use-sync-external-store/shim` and `.../shim/with-selector`, for the
// React 18 component tests only. The package ships CommonJS alone: in Node, Vitest loads it
// outside its module graph, so its `require('react')` skips the React 18 aliases and finds the
// repository's React 19 (two Reacts in one render: "Cannot read properties of null (reading
// 'useRef')"). Here the package's own CommonJS file runs with `require('react')` answered by the
// `react` this module imports, which goes through the aliases like every other import.
// React 18 has `useSyncExternalStore` built in, so the shim is that hook itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as React from 'react';

// The package's exports hide its cjs/ folder: found from a public entry's place. From the
// repository root (Vitest's working directory): under jsdom, import.meta.url is an http URL.
const require = createRequire(join(process.cwd(), 'package.json'));
const file = join(dirname(require.resolve('use-sync-external-store/shim/with-selector')), '../cjs/use-sync-external-store-with-selector.production.js');
const module = { exports: {} };
const load = new Function('require', 'module', 'exports', readFileSync(file, 'utf8'));
load(
  (id) => {
    if (id === 'react') return React;
    throw new Error(`use-sync-external-store stand-in: unexpected require('${id}')`);
  },
  module,
  module.exports,
);

export const useSyncExternalStore = React.useSyncExternalStore;
export const useSyncExternalStoreWithSelector = module.exports.useSyncExternalStoreWithSelector;
export default { useSyncExternalStore, useSyncExternalStoreWithSelector };
