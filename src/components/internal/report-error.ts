import { useCallback, useEffect } from 'react';
import { useReleasesContext, type ReleasesErrorHandler } from '../provider/ReleasesProvider';
import { isDevelopment } from './dev';

const logged = /* @__PURE__ */ new WeakSet<object>();

/**
 * What a component calls when it shows a data error inline: the host's `onError` (the
 * component's own, else the nearest provider's) hears of it, and a development build logs it
 * once with the component's name, so an error is never only on screen.
 */
export function useErrorReporter(component: string, onError: ReleasesErrorHandler | undefined): (error: unknown, componentStack?: string) => void {
  const inherited = useReleasesContext().onError;
  const handler = onError ?? inherited;
  return useCallback(
    (error: unknown, componentStack?: string) => {
      if (isDevelopment() && !(typeof error === 'object' && error !== null && logged.has(error))) {
        if (typeof error === 'object' && error !== null) logged.add(error);
        console.error(`gitops-releases: ${component} could not show its data:`, error);
      }
      try {
        handler?.(error, componentStack === undefined ? { component } : { component, componentStack });
      } catch {
        // A host's logger that throws must not take the inline error message down with it.
      }
    },
    [component, handler],
  );
}

/**
 * Reports an error a component found while computing what to show (not thrown from a render),
 * once per error, after the render that shows it.
 */
export function useReportedError(component: string, error: unknown, onError: ReleasesErrorHandler | undefined): void {
  const report = useErrorReporter(component, onError);
  useEffect(() => {
    if (error !== undefined) report(error);
  }, [error, report]);
}
