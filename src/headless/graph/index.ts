export * from './layout';
export * from './node-size';
export * from './edge-state';
export * from './derive';
export * from './navigate';
export { topologicalOrder } from './validate';
