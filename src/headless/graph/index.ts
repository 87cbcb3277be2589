export * from './layout';
export * from './node-size';
export * from './edge-state';
export { topologicalOrder } from './validate';
