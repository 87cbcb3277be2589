export * from './commit-status';
