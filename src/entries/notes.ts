/** `gitops-releases/notes`: ReleaseNotes and ReleaseDiff, with the compiled notes' types. */
export { ReleaseNotes } from '../components/ReleaseNotes';
export type { ReleaseNotesProps, ReleaseNotesClassNames, ReleaseNotesGrouping } from '../components/ReleaseNotes';
export { ReleaseDiff } from '../components/ReleaseDiff';
export type { ReleaseDiffProps, ReleaseDiffClassNames } from '../components/ReleaseDiff';
export type { CompiledReleaseNotes, NoteItem, IssueKeyResolver } from 'gitops-releases/headless';
