import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isReleaseDataError } from '../../headless/internal';
import { cx } from './cx';

export interface StateMessageProps {
  /** `error` is announced (role=alert); `empty` and `loading` politely (role=status). */
  kind: 'loading' | 'empty' | 'error';
  title: string;
  /** Detail text, e.g. a ReleaseDataError's message. Text only. */
  detail?: string;
  className?: string;
  children?: ReactNode;
}

/** The inline message every component shows for its loading, empty and error states. */
export function StateMessage({ kind, title, detail, className, children }: StateMessageProps) {
  return (
    <div
      className={cx('gr-state', className)}
      data-state-kind={kind}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-busy={kind === 'loading' ? true : undefined}
    >
      <p className="gr-state__title">{title}</p>
      {detail ? <p className="gr-state__detail">{detail}</p> : null}
      {children}
    </div>
  );
}

/** Text for an error from bad data: a ReleaseDataError's message names the path and value. */
export function describeError(error: unknown): string {
  if (isReleaseDataError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

interface DataErrorBoundaryProps {
  /** The message's title, e.g. "Could not show the release graph" (from the messages). */
  title: string;
  /** Changing it (e.g. a new release id) clears a caught error and tries again. */
  resetKey?: unknown;
  /** Tells the host what was caught (`useErrorReporter`'s function). */
  onError?: (error: unknown, componentStack?: string) => void;
  children: ReactNode;
}

/**
 * Catches render errors of its children (bad data deep in a tree) and shows them inline, so a
 * host page never goes blank because one release was malformed.
 */
export class DataErrorBoundary extends Component<DataErrorBoundaryProps, { error: unknown; key: unknown }> {
  override state = { error: undefined as unknown, key: this.props.resetKey };

  static getDerivedStateFromProps(props: DataErrorBoundaryProps, state: { error: unknown; key: unknown }) {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Shown inline so the host keeps working, and reported so the host also knows.
    this.props.onError?.(error, info.componentStack ?? undefined);
  }

  override render() {
    if (this.state.error !== undefined) {
      return <StateMessage kind="error" title={this.props.title} detail={describeError(this.state.error)} />;
    }
    return this.props.children;
  }
}
