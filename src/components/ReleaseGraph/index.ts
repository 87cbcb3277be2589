export { ReleaseGraph } from './ReleaseGraph';
export type { ReleaseGraphProps, ReleaseGraphClassNames, WorkflowSection } from './types';
