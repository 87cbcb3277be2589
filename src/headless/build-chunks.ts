/**
 * Not a public entry: the build names it so that what the graph layout shares with the rest of
 * headless (errors, validation, node sizes) lands in a chunk of its own, apart from the layout.
 * The layout's chunk is then the only file that imports dagre, and a host's bundler drops it (and
 * dagre) when only the table, the badge or the model is imported.
 */
export { ReleaseDataError } from './adapters/errors';
export { topologicalOrder } from './graph/validate';
export { environmentNodeSize } from './graph/node-size';
export { STATUSES } from './model/status';
export { edgeState } from './graph/edge-state';
