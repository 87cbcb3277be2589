export * from './diff';
export * from './compare';
