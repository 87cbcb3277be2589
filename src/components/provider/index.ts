export {
  ReleasesProvider,
  useReleasesContext,
  useRootClassName,
  mergeMessages,
  DEFAULT_MESSAGES,
} from './ReleasesProvider';
export type {
  ColorMode,
  ReleasesMessages,
  PartialReleasesMessages,
  ReleasesContextValue,
  ReleasesProviderProps,
  LinkRenderProps,
  RenderLink,
} from './ReleasesProvider';
