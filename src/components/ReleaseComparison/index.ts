export { ReleaseComparison } from './ReleaseComparison';
export type { ReleaseComparisonProps, ReleaseComparisonClassNames } from './ReleaseComparison';
