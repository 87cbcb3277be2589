/**
 * `gitops-releases/provider`: ReleasesProvider, its messages and the types every component's
 * props share. Every entry reads the one context this module creates, so a provider from here
 * configures components from any other entry, and the other way round.
 */
export { ReleasesProvider, DEFAULT_MESSAGES } from '../components/provider';
export type {
  ColorMode,
  Density,
  TimeZone,
  ReleasesProviderProps,
  ReleasesMessages,
  PartialReleasesMessages,
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
  LinkRenderProps,
  RenderLink,
  ReleasesErrorHandler,
  ReleasesErrorInfo,
  DeepPartial,
} from '../components/provider';
export type { RootElementProps } from '../components/internal/root-props';
