export { EnvironmentDetails } from './EnvironmentDetails';
export type { EnvironmentDetailsProps, EnvironmentDetailsClassNames, EnvironmentDetailsWorkflowStepRef } from './types';
export type { EnvironmentWorkflowSection } from './environment-summary';
