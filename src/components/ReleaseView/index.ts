export { ReleaseView } from './ReleaseView';
export type { ReleaseViewProps, ReleaseViewTab, ReleaseViewClassNames, ReleaseViewWorkflowStep } from './ReleaseView';
export { ReleaseHeader } from './ReleaseHeader';
export type { ReleaseHeaderProps, ReleaseHeaderClassNames, ReleaseHrefGetter } from './ReleaseHeader';
