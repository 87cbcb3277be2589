export { ReleaseNotes } from './ReleaseNotes';
export type { ReleaseNotesProps, ReleaseNotesClassNames, ReleaseNotesGrouping } from './ReleaseNotes';
