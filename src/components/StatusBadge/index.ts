export { StatusBadge } from './StatusBadge';
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
} from './StatusBadge';
export { StatusIcon, glyphFor } from './icons';
export type { StatusGlyph, StatusIconProps } from './icons';
