import {
  COMMON_MESSAGES,
  COMPARISON_MESSAGES,
  DIFF_MESSAGES,
  ENVIRONMENT_MESSAGES,
  GRAPH_MESSAGES,
  INSIGHTS_MESSAGES,
  NOTES_MESSAGES,
  STATUS_MESSAGES,
  TABLE_MESSAGES,
  VIEW_MESSAGES,
  type CommonMessages,
  type ReleasesMessages,
} from './messages';
import { useMessages } from './ReleasesProvider';

/** The status labels and StatusBadge's words, merged with the provider's. */
export type StatusMessages = typeof STATUS_MESSAGES;

/** What every component reads: its own group and the words components share. */
export interface ComponentMessages<K extends keyof ReleasesMessages> {
  text: ReleasesMessages[K];
  common: CommonMessages;
}

/** The status labels and StatusBadge's words, merged with the provider's. */
export function useStatusMessages(): StatusMessages {
  return useMessages(STATUS_MESSAGES);
}

/**
 * The label of a status word that came from data: an own property of the labels only, so a word
 * such as `constructor` or `__proto__` reads as Unknown instead of reaching `Object.prototype`.
 */
export function statusLabel(labels: StatusMessages, status: unknown): string {
  const table: Readonly<Record<string, string>> = labels.status;
  return typeof status === 'string' && Object.prototype.hasOwnProperty.call(table, status) ? table[status]! : table.unknown!;
}

// One hook per component, all built alike, so each bundle holds only the defaults it reads (the
// status labels, with `useStatusMessages`, only where a component shows them).
function messagesOf<K extends keyof ReleasesMessages>(key: K, defaults: ReleasesMessages[K]): () => ComponentMessages<K> {
  const slice = { [key]: defaults, common: COMMON_MESSAGES } as Pick<ReleasesMessages, K | 'common'>;
  return function useComponentMessages() {
    const merged = useMessages(slice);
    return { text: merged[key], common: merged.common };
  };
}

export const useTableMessages = /* @__PURE__ */ messagesOf('table', TABLE_MESSAGES);
export const useGraphMessages = /* @__PURE__ */ messagesOf('graph', GRAPH_MESSAGES);
export const useViewMessages = /* @__PURE__ */ messagesOf('view', VIEW_MESSAGES);
export const useEnvironmentMessages = /* @__PURE__ */ messagesOf('environment', ENVIRONMENT_MESSAGES);
export const useNotesMessages = /* @__PURE__ */ messagesOf('notes', NOTES_MESSAGES);
export const useDiffMessages = /* @__PURE__ */ messagesOf('diff', DIFF_MESSAGES);
export const useInsightsMessages = /* @__PURE__ */ messagesOf('insights', INSIGHTS_MESSAGES);
export const useComparisonMessages = /* @__PURE__ */ messagesOf('comparison', COMPARISON_MESSAGES);
