/** `gitops-releases/view`: the release screen (ReleaseView, with the graph), its header and EnvironmentDetails. */
export { ReleaseView, ReleaseHeader } from '../components/ReleaseView';
export type {
  ReleaseViewProps,
  ReleaseViewTab,
  ReleaseViewClassNames,
  ReleaseViewWorkflowStep,
  ReleaseHeaderProps,
  ReleaseHeaderClassNames,
  ReleaseHrefGetter,
} from '../components/ReleaseView';
export { EnvironmentDetails } from '../components/EnvironmentDetails';
export type {
  EnvironmentDetailsProps,
  EnvironmentDetailsClassNames,
  EnvironmentDetailsWorkflowStepRef,
  EnvironmentWorkflowSection,
} from '../components/EnvironmentDetails';
