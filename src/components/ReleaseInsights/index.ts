export { ReleaseInsights } from './ReleaseInsights';
export type { ReleaseInsightsProps, ReleaseInsightsClassNames, InsightsWindowDays } from './ReleaseInsights';
