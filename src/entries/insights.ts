/**
 * `gitops-releases/insights`: ReleaseInsights, the delivery metrics of a release history. Never
 * imports React Flow, dagre or Radix.
 */
export { ReleaseInsights } from '../components/ReleaseInsights';
export type { ReleaseInsightsProps, ReleaseInsightsClassNames, InsightsWindowDays } from '../components/ReleaseInsights';
export type { DeliveryMetrics, DeliveryMetricsOptions, DeliveryBucket, DeliveryTime } from 'gitops-releases/headless';
