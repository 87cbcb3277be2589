export { ReleaseGraph } from './ReleaseGraph';
export type { ReleaseGraphProps, ReleaseGraphClassNames } from './types';
