export { cx } from './cx';
export type { ClassValue } from './cx';
export { Link } from './Link';
export type { LinkProps } from './Link';
export { useDateFormatter, useNow } from './time';
export { StateMessage, DataErrorBoundary, describeError } from './StateMessage';
export type { StateMessageProps } from './StateMessage';
export { jsonEqual } from './equal';
export { useControllableState } from './use-controllable-state';
