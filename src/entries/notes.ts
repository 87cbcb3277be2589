/** `gitops-releases/notes`: ReleaseNotes, ReleaseDiff and ReleaseComparison, with the compiled notes' types. */
export { ReleaseNotes } from '../components/ReleaseNotes';
export type { ReleaseNotesProps, ReleaseNotesClassNames, ReleaseNotesGrouping } from '../components/ReleaseNotes';
export { ReleaseDiff } from '../components/ReleaseDiff';
export type { ReleaseDiffProps, ReleaseDiffClassNames } from '../components/ReleaseDiff';
export type { CompiledReleaseNotes, NoteItem, IssueKeyResolver, ReleaseComparisonResult } from 'gitops-releases/headless';
export { ReleaseComparison } from '../components/ReleaseComparison';
export type { ReleaseComparisonProps, ReleaseComparisonClassNames } from '../components/ReleaseComparison';
