import { durationMs, parseTime } from 'gitops-releases/headless';
import { COMMON_MESSAGES, ENVIRONMENT_MESSAGES, STATUS_MESSAGES } from '../provider/messages';
import { useMessages } from '../provider/ReleasesProvider';

/** The parts of the messages the panel reads. */
const ENVIRONMENT_SLICE = { environment: ENVIRONMENT_MESSAGES, common: COMMON_MESSAGES };

/** The panel's messages (its own, the shared ones and the status labels), merged with the provider's. */
export function useEnvironmentMessages() {
  const { environment, common } = useMessages(ENVIRONMENT_SLICE);
  return { text: environment, common, labels: useMessages(STATUS_MESSAGES) };
}

/** A label from a fixed vocabulary; a value outside it (untyped data) is shown as received, else `fallback`. */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, value: unknown, fallback: string): string {
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value)) return labels[value as K];
  return typeof value === 'string' && value ? value : fallback;
}

/**
 * How long something took, or has taken so far, written by `format`. `undefined` when it never
 * started, and while it is unfinished on the server (`now` is 0: no clock yet, so server and
 * client markup agree).
 */
export function elapsed(
  startedAt: string | undefined,
  finishedAt: string | undefined,
  now: number,
  format: (ms: number) => string,
): string | undefined {
  if (parseTime(finishedAt) === undefined && now === 0) return undefined;
  const ms = durationMs(startedAt, finishedAt, now);
  return ms === undefined ? undefined : format(ms);
}
