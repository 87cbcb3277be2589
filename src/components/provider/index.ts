export { ReleasesProvider, useReleasesContext, useRootClassName, useMessages } from './ReleasesProvider';
export type {
  ColorMode,
  Density,
  TimeZone,
  ReleasesContextValue,
  ReleasesProviderProps,
  LinkRenderProps,
  RenderLink,
  ReleasesErrorHandler,
  ReleasesErrorInfo,
} from './ReleasesProvider';
export { DEFAULT_MESSAGES, mergeMessages } from './messages';
export type {
  ReleasesMessages,
  PartialReleasesMessages,
  DeepPartial,
  NumberFormatter,
  CommonMessages,
  BadgeMessages,
  TableMessages,
  GraphMessages,
  ViewMessages,
  EnvironmentMessages,
  NotesMessages,
  DiffMessages,
  InsightsMessages,
  ComparisonMessages,
  WaitingMessages,
} from './messages';
