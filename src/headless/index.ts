/**
 * `gitops-releases/headless`: the release model, status vocabulary, graph layout and sample data,
 * with no React, DOM or CSS. Runs in Node, a worker, a server or a test.
 */
export * from './model';
export * from './adapters/errors';
export * from './graph';
export * from './sample';
export * from './table';
export * from './notes';
export * from './diff';
export * from './git';
export * from './links';
export * from './adapters/codefresh';
export * from './adapters/kargo';
export * from './adapters/github';
export * from './adapters/argocd';
