/** `gitops-releases/graph`: ReleaseGraph (React Flow, laid out by dagre). */
export { ReleaseGraph } from '../components/ReleaseGraph';
export type { ReleaseGraphProps, ReleaseGraphClassNames } from '../components/ReleaseGraph';
