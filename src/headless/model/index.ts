export type * from './types';
export * from './status';
export * from './source-status';
export * from './duration';
export * from './links';
