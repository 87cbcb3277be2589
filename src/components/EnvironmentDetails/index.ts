export { EnvironmentDetails } from './EnvironmentDetails';
export type { EnvironmentDetailsProps, EnvironmentDetailsClassNames, EnvironmentDetailsWorkflowStepRef, EnvironmentWorkflowSection } from './types';
