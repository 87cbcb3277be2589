// Renders the built package (dist/index.cjs, resolved by its own name as a host would) under
// React 18.3, the oldest React the peer range allows: on the server, in a DOM, and hydrating the
// server's HTML. Prints one JSON line. React and react-dom requests, from anywhere, resolve to the
// copies in test/react18 (an npm workspace), so the package cannot pick up the React 19 of the
// repository by accident.
const Module = require('node:module');
const path = require('node:path');

const react18 = path.join(__dirname, '..', 'react18');
// A module placed in test/react18: resolving from it finds that workspace's node_modules first.
const anchor = new Module(path.join(react18, 'index.js'));
anchor.filename = anchor.id;
anchor.paths = Module._nodeModulePaths(react18);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  const from = /^react(-dom)?(\/|$)/.test(request) ? anchor : parent;
  return resolve.call(this, request, from, isMain, options);
};

const { JSDOM } = require('jsdom');
const React = require('react');
const { renderToString } = require('react-dom/server');
const { StatusBadge, ReleasesProvider } = require('gitops-releases');
const { STATUSES } = require('gitops-releases/headless');

const tree = React.createElement(
  ReleasesProvider,
  { colorMode: 'dark' },
  ...STATUSES.map((status) => React.createElement(StatusBadge, { key: status, status })),
  React.createElement(StatusBadge, { key: 'pr', status: 'suspended', waitingFor: 'pull-request', variant: 'icon-only' }),
);
const serverHtml = renderToString(tree);

const dom = new JSDOM('<!doctype html><html><body><div id="client"></div><div id="hydrate"></div></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.navigator = dom.window.navigator;
globalThis.IS_REACT_ACT_ENVIRONMENT = true;
const errors = [];
const consoleError = console.error;
console.error = (...args) => errors.push(args.map(String).join(' '));

const { createRoot, hydrateRoot } = require('react-dom/client');
const client = dom.window.document.getElementById('client');
React.act(() => createRoot(client).render(tree));
const hydrated = dom.window.document.getElementById('hydrate');
hydrated.innerHTML = serverHtml;
React.act(() => {
  hydrateRoot(hydrated, tree, { onRecoverableError: (error) => errors.push(`recoverable: ${error.message}`) });
});
console.error = consoleError;

process.stdout.write(
  JSON.stringify({
    reactVersion: React.version,
    serverHtml,
    clientHtml: client.innerHTML,
    hydratedHtml: hydrated.innerHTML,
    errors,
  }) + '\n',
);
