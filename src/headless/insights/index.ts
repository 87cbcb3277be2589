/** Delivery insights: DORA's four keys and where delivery time goes, from a release history. */
export { computeDeliveryMetrics } from './metrics';
export type {
  DeliveryBucket,
  DeliveryTime,
  DeliveryMetricsOptions,
  DeliveryWindow,
  DeploymentFrequency,
  ChangeLeadTime,
  ChangeFailRate,
  FailedDeploymentRecoveryTime,
  DeliveryKeys,
  EnvironmentMetrics,
  FailingStep,
  DeliverySeriesPoint,
  FailedDeployment,
  ValueStreamStage,
  DeliveryMetrics,
} from './types';
export {
  DELIVERY_KEY_IDS,
  deliveryKeyValue,
  deliveryTrend,
  deliveryKeyChange,
  deliveryKeySeries,
  summarizeSeries,
  valueStreamShares,
  checkDeliveryMetrics,
  type DeliveryKeyId,
  type DeliveryTrend,
  type DeliveryKeyChange,
  type SeriesSummary,
  type ValueStreamShare,
} from './trends';
