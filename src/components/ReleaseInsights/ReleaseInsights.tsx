import { forwardRef, useId, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { DeliveryBucket, DeliveryMetrics, DeliveryMetricsOptions, DeliveryTime, Release } from 'gitops-releases/headless';
import { checkDeliveryMetrics, computeDeliveryMetrics, DELIVERY_KEY_IDS } from '../../headless/internal';
import { cx } from '../internal/cx';
import { DataErrorBoundary, StateMessage, describeError } from '../internal/StateMessage';
import { useErrorReporter, useReportedError } from '../internal/report-error';
import { rootElementProps, type RootElementProps } from '../internal/root-props';
import { useControllableState } from '../internal/use-controllable-state';
import { useHydrated } from '../internal/use-hydrated';
import { useInsightsMessages } from '../provider/component-messages';
import { useRootClassName, type ReleasesErrorHandler } from '../provider/ReleasesProvider';
import { useInsightsFormat } from './format';
import { EnvironmentsTable, FailedDeployments, FailingSteps, KeyTile, ValueStream, type PartContext } from './parts';

/** The windows the view offers, in days. */
export type InsightsWindowDays = 7 | 30 | 90;
const WINDOWS: readonly InsightsWindowDays[] = [7, 30, 90];

/** Extra class names for the view's parts. */
export interface ReleaseInsightsClassNames {
  /** The outer `div.gr-release-insights`. @default undefined */
  root?: string;
  /** The `div.gr-release-insights__toolbar` with the window's radio group. @default undefined */
  toolbar?: string;
  /** Each of the four key tiles, `section.gr-release-insights__tile`. @default undefined */
  tile?: string;
  /** The value stream's `section`. @default undefined */
  valueStream?: string;
  /** Each section with a table: environments, failing steps, failed deployments. @default undefined */
  section?: string;
}

export interface ReleaseInsightsProps extends RootElementProps {
  /**
   * The release history to measure (any order), measured here with `computeDeliveryMetrics` each
   * time it, the window or an option changes. Ignored when `metrics` is given. Neither given
   * shows the loading state.
   * @default undefined
   */
  releases?: readonly Release[];
  /**
   * Metrics computed elsewhere (on a server, with `computeDeliveryMetrics`); wins over `releases`.
   * The host computes them again for a new window (see `onDaysChange`).
   * @default undefined
   */
  metrics?: DeliveryMetrics;
  /**
   * The target environments a deployment reaches (a name, or a predicate), passed to
   * `computeDeliveryMetrics`. Pass a stable function (module level, or `useCallback`).
   * @default every environment whose `kind` is `'production'`
   */
  environment?: DeliveryMetricsOptions['environment'];
  /**
   * The end of the window. Without it the current time is read once, when the view mounts; a
   * server-rendered view keeps the server's moment through hydration (so the browser measures the
   * same window) and shows it as `data-measured-at` on its root (when it measures `releases`).
   * @default the time of the first render (on the server, for a server-rendered view)
   */
  now?: DeliveryTime;
  /** The window in days (controlled). @default undefined (uncontrolled, from `defaultDays`) */
  days?: InsightsWindowDays;
  /** The window at mount when `days` is not controlled. @default `metrics.window.days` when it is 7, 30 or 90; else 30 */
  defaultDays?: InsightsWindowDays;
  /** Called with the window the reader picked. @default undefined */
  onDaysChange?: (days: InsightsWindowDays) => void;
  /** The series' buckets (sparklines and their tables). @default 'day' */
  bucket?: DeliveryBucket;
  /**
   * A failed deployment's release page (a path of the host's router, or a URL); only http, https,
   * mailto and root-relative links are drawn.
   * @default undefined (no link)
   */
  getReleaseHref?: (release: Release) => string | undefined;
  /** The level of the tiles' and sections' headings. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** The host is fetching the history: a skeleton, `aria-busy`. @default false */
  loading?: boolean;
  /** The host could not fetch the history: shown inline. @default undefined */
  error?: unknown;
  /**
   * Called when the releases or metrics cannot be shown (a `ReleaseDataError` naming the path),
   * once, after the error is shown inline. Takes the place of the provider's `onError`.
   * @default the nearest `ReleasesProvider`'s `onError`
   */
  onError?: ReleasesErrorHandler;
  /** Accessible name of the view. @default `messages.insights.label` ('Delivery insights') */
  'aria-label'?: string;
  /** Extra class names for the root. @default undefined */
  className?: string;
  /** Inline styles for the root. @default undefined */
  style?: CSSProperties;
  /** Extra class names per part: `{ root, toolbar, tile, valueStream, section }`. @default undefined */
  classNames?: ReleaseInsightsClassNames;
}

const isWindow = (days: unknown): days is InsightsWindowDays => WINDOWS.includes(days as InsightsWindowDays);

/**
 * While hydrating: the moment the server measured up to, from the root it rendered. The window's
 * radios are named by the same `useId` on both sides, so they find it.
 */
function measuredOnServer(id: string): number | undefined {
  if (typeof document === 'undefined') return undefined;
  const value = document.getElementsByName(`${id}-days`)[0]?.closest('.gr-release-insights')?.getAttribute('data-measured-at');
  const ms = value ? Number(value) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * How a team delivers, from release history: DORA's four keys (deployment frequency, change lead
 * time, change fail rate, failed deployment recovery time) with their change against the previous
 * window and a sparkline each, where the time from commit to production goes, and per environment,
 * failing step and failed deployment, over the last 7, 30 or 90 days. Every chart is named by a
 * text summary and opens as a table.
 */
export const ReleaseInsights = /* @__PURE__ */ forwardRef<HTMLDivElement, ReleaseInsightsProps>(function ReleaseInsights(props, ref) {
  const rootClassName = useRootClassName();
  const {
    releases,
    metrics: given,
    environment,
    now,
    days: _days,
    defaultDays,
    onDaysChange,
    bucket,
    getReleaseHref,
    headingLevel = 3,
    loading = false,
    error,
    onError,
    'aria-label': ariaLabel,
    className,
    style,
    classNames,
    ...rest
  } = props;
  const { text, common } = useInsightsMessages();
  const format = useInsightsFormat();
  const [days, setDays] = useControllableState<InsightsWindowDays>(
    isWindow(props.days) ? props.days : undefined,
    isWindow(defaultDays) ? defaultDays : isWindow(given?.window?.days) ? given.window.days : 30,
    onDaysChange,
  );
  const id = useId();
  const hydrated = useHydrated();
  // Read once: each render measuring up to a new "now" would move every number while the reader
  // looks. While hydrating, the server's moment (written on the root): the browser's clock is
  // seconds or, for a cached page, hours later, and a deployment on a window's edge would count
  // on one side only, a mismatch.
  const [mountedAt] = useState(() => (hydrated ? undefined : measuredOnServer(id)) ?? Date.now());
  const clock = now ?? mountedAt;
  const computed = useMemo(() => {
    if (given === undefined && releases === undefined) return { metrics: undefined, error: undefined };
    // A ReleaseDataError naming the path for a history the metrics cannot read.
    try {
      return { metrics: given !== undefined ? checkDeliveryMetrics(given) : computeDeliveryMetrics(releases!, { environment, now: clock, days, bucket }), error: undefined };
    } catch (caught) {
      return { metrics: undefined, error: caught };
    }
  }, [given, releases, environment, clock, days, bucket]);
  useReportedError('ReleaseInsights', computed.error, onError);
  const report = useErrorReporter('ReleaseInsights', onError);

  const metrics = computed.metrics;
  const state =
    error !== undefined || computed.error !== undefined
      ? 'error'
      : loading || !metrics
        ? 'loading'
        : metrics.deploymentFrequency.deployments === 0 && metrics.changeFailRate.failed === 0
          ? 'empty'
          : 'ready';
  const windowDays = metrics && Number.isFinite(metrics.window?.days) ? Math.round(metrics.window.days) : days;

  let body: ReactNode;
  if (error !== undefined) body = <StateMessage kind="error" title={text.loadError} detail={describeError(error)} />;
  else if (computed.error !== undefined) body = <StateMessage kind="error" title={text.error} detail={describeError(computed.error)} />;
  else if (state === 'loading') body = <Skeleton label={text.loading} />;
  else if (state === 'empty') body = <StateMessage kind="empty" title={text.empty(windowDays, format.count)} detail={text.emptyDetail} />;
  else {
    const context: PartContext = { metrics: metrics!, text, common, format, days: windowDays, heading: `h${headingLevel}` as PartContext['heading'] };
    body = (
      <DataErrorBoundary title={text.error} resetKey={metrics} onError={report}>
        <div className="gr-release-insights__tiles">
          {DELIVERY_KEY_IDS.map((key) => (
            <KeyTile key={key} id={key} context={context} className={classNames?.tile} />
          ))}
        </div>
        <ValueStream context={context} className={classNames?.valueStream} />
        <EnvironmentsTable context={context} className={classNames?.section} />
        <div className="gr-release-insights__columns">
          <FailingSteps context={context} className={classNames?.section} />
          <FailedDeployments context={context} className={classNames?.section} getReleaseHref={getReleaseHref} />
        </div>
      </DataErrorBoundary>
    );
  }

  return (
    <div
      {...rootElementProps(rest)}
      ref={ref}
      className={cx(rootClassName, 'gr-release-insights', classNames?.root, className)}
      style={style}
      role="region"
      aria-label={ariaLabel ?? text.label}
      data-state={state}
      data-measured-at={now === undefined && given === undefined && releases !== undefined ? mountedAt : undefined}
      aria-busy={state === 'loading' || undefined}
    >
      <div className={cx('gr-release-insights__toolbar', classNames?.toolbar)}>
        <div className="gr-release-insights__window" role="radiogroup" aria-label={text.window}>
          {WINDOWS.map((choice) => (
            <label key={choice} className="gr-release-insights__window-option">
              <input type="radio" name={`${id}-days`} value={choice} checked={days === choice} onChange={() => setDays(choice)} />
              <span>{text.days(choice, format.count)}</span>
            </label>
          ))}
        </div>
      </div>
      {body}
    </div>
  );
});

/** Four tiles and a bar, breathing, while the history loads; one polite status for screen readers. */
function Skeleton({ label }: { label: string }) {
  return (
    <>
      <p className="gr-visually-hidden" role="status">
        {label}
      </p>
      <div className="gr-release-insights__tiles" aria-hidden="true">
        {DELIVERY_KEY_IDS.map((key) => (
          <div key={key} className="gr-release-insights__tile" data-skeleton>
            <span className="gr-release-insights__skeleton" data-size="title" />
            <span className="gr-release-insights__skeleton" data-size="value" />
            <span className="gr-release-insights__skeleton" data-size="chart" />
          </div>
        ))}
      </div>
      <span className="gr-release-insights__skeleton" data-size="bar" aria-hidden="true" />
    </>
  );
}
