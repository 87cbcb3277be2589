export { SAMPLE_FLEET_SHAPES, SAMPLE_FLOW_SHAPES, sampleFlow, type SampleFleetShape, type SampleFlowShape } from './flows';
export {
  SAMPLE_STATES,
  sampleRelease,
  sampleReleaseHistory,
  type SampleState,
  type SampleReleaseOptions,
  type SampleHistoryOptions,
} from './releases';
export { simulatePromotion, type SimulateOptions } from './simulate';
