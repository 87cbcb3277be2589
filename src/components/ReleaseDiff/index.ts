export { ReleaseDiff } from './ReleaseDiff';
export type { ReleaseDiffProps, ReleaseDiffClassNames } from './ReleaseDiff';
