/** `gitops-releases/badge`: StatusBadge alone, for hosts whose bundler keeps every export of a client entry. */
export { StatusBadge } from '../components/StatusBadge';
export type {
  StatusBadgeProps,
  StatusBadgeCommonProps,
  ReleaseStatusBadgeProps,
  SyncStatusBadgeProps,
  HealthStatusBadgeProps,
  StatusBadgeClassNames,
  StatusBadgeKind,
  StatusBadgeVariant,
  StatusBadgeSize,
} from '../components/StatusBadge';
