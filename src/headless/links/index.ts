export * from './release-links';
