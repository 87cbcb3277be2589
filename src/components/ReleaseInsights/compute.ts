// TEMPORARY: stands in for headless computeDeliveryMetrics until it lands.
import type { Release } from 'gitops-releases/headless';
import type { DeliveryMetrics, DeliveryMetricsOptions } from '../../headless/insights/types';
export function computeDeliveryMetrics(_releases: readonly Release[], _options: DeliveryMetricsOptions): DeliveryMetrics {
  throw new Error('computeDeliveryMetrics is not available yet');
}
