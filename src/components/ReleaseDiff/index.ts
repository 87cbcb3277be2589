export { ReleaseDiff } from './ReleaseDiff';
export type { ReleaseDiffProps } from './ReleaseDiff';
