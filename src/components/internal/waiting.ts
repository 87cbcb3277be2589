import type { WaitingReason } from 'gitops-releases/headless';
import type { NumberFormatter, WaitingMessages } from '../provider/messages';
import { formatMessage } from './message-format';

/**
 * Why something waits, in the messages' words ("waiting for wave-1: 3 of 250 failed"). `on` is
 * what the reason's `on` unit is called (a group's label or an environment's name).
 */
export function waitingText(reason: WaitingReason, on: string, text: WaitingMessages, format: NumberFormatter): string {
  switch (reason.kind) {
    case 'blocked':
      return reason.total === 1
        ? formatMessage(text.blockedOne, { unit: on })
        : formatMessage(text.blocked, { unit: on, failed: format(reason.failed), total: format(reason.total) });
    case 'approval':
      return formatMessage(reason.pullRequest ? text.pullRequest : text.approval, { environment: reason.environment });
    case 'upstream':
      return reason.total === 1
        ? formatMessage(text.upstreamOne, { unit: on })
        : formatMessage(text.upstream, { unit: on, finished: format(reason.finished), total: format(reason.total) });
    case 'queued':
      return text.queued;
    case 'stopped':
      return reason.status === 'terminated' ? text.terminated : text.stopped;
    default:
      return '';
  }
}
