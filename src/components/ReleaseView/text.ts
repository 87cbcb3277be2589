import { COMMON_MESSAGES, VIEW_MESSAGES, type CommonMessages, type ViewMessages } from '../provider/messages';
import { useMessages } from '../provider/ReleasesProvider';

/** The parts of the messages the release view reads. */
const VIEW_SLICE = { view: VIEW_MESSAGES, common: COMMON_MESSAGES };

/** The release view's messages (its own and the shared ones), merged with the provider's. */
export function useViewMessages(): { view: ViewMessages; common: CommonMessages } {
  return useMessages(VIEW_SLICE);
}
