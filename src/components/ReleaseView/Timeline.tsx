import { memo, useId, useMemo, type CSSProperties } from 'react';
import type { EnvironmentStep, Release } from 'gitops-releases/headless';
import { isTerminalStatus, parseTime } from '../../headless/internal';
import { cx } from '../internal/cx';
import { useDurationFormatter, useTimeFormatter } from '../internal/time';
import { useStatusMessages, useViewMessages, statusLabel } from '../provider/component-messages';
import { StatusBadge } from '../StatusBadge';
import { environmentsOf, useReleaseNow } from './clock';

export interface TimelineProps {
  release: Release;
  className?: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Tick spacings an axis may use, smallest first: the first that gives at most MAX_TICKS wins. */
const STEPS = [
  SECOND, 5 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY,
];
const MAX_TICKS = 6;

interface Entry {
  environment: EnvironmentStep;
  start: number;
  /** Fixed end; `undefined` while it still runs (it then ends at "now"). */
  end: number | undefined;
}

/** Epoch-aligned ticks between `from` and `to`, at most MAX_TICKS of them. */
export function timelineTicks(from: number, to: number): { step: number; ticks: number[] } {
  // Dates from untyped data may be missing: no axis rather than an endless loop.
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return { step: 0, ticks: [] };
  const span = Math.max(to - from, 1);
  const step = STEPS.find((candidate) => span / candidate <= MAX_TICKS) ?? Math.ceil(span / MAX_TICKS / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return { step, ticks };
}

// How an axis writes its ticks: with the day when it spans one, with seconds when it is short.
const DAY_TIME: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const TIME_WITH_SECONDS: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', second: '2-digit' };

/**
 * When each environment started and finished, as bars on a shared time axis. Each row also says
 * it in words (name, status, duration, start and end), so the chart is never graphics alone;
 * environments that never started are listed after the others as "not started". Bars of running
 * environments reach "now" and grow every second.
 */
export function Timeline({ release, className }: TimelineProps) {
  const titleId = useId();
  const labels = useStatusMessages();
  const { text: view } = useViewMessages();
  const formatDuration = useDurationFormatter();

  const { entries, notStarted, releaseEnd } = useMemo(() => {
    const started: Entry[] = [];
    const waiting: EnvironmentStep[] = [];
    const terminal = isTerminalStatus(release.status);
    // A finished release's unfinished steps stop where the release stopped, not at "now".
    const releaseEnd = terminal ? (parseTime(release.finishedAt) ?? parseTime(release.updatedAt)) : undefined;
    for (const environment of environmentsOf(release)) {
      const start = parseTime(environment.startedAt);
      if (start === undefined) {
        waiting.push(environment);
        continue;
      }
      const finished = parseTime(environment.finishedAt);
      const end =
        finished ?? (isTerminalStatus(environment.status) || terminal ? Math.max(start, releaseEnd ?? start) : undefined);
      started.push({ environment, start, end });
    }
    // Stable sort: environments that start together keep the release's order.
    started.sort((a, b) => a.start - b.start);
    return { entries: started, notStarted: waiting, releaseEnd };
  }, [release]);

  const running = entries.some((entry) => entry.end === undefined);
  const now = useReleaseNow(release, running);

  if (entries.length === 0 && notStarted.length === 0) return null;

  // The axis starts at a fixed point of the data; only its end moves (with "now" while running).
  const from = Math.min(parseTime(release.createdAt) ?? Infinity, ...entries.map((entry) => entry.start));
  const to = Math.max(from + SECOND, releaseEnd ?? -Infinity, ...entries.map((entry) => entry.end ?? now));
  const span = to - from;
  const { ticks } = timelineTicks(from, to);
  return (
    <TimelineView
      className={className}
      titleId={titleId}
      hasStarted={entries.length > 0}
      ticks={ticks.map((tick) => ({ at: ((tick - from) / span) * 100, ms: tick }))}
      span={span}
      rows={entries.map(({ environment, start, end }) => {
        const finish = end ?? now;
        const label = statusLabel(labels, environment.status);
        const duration = formatDuration(finish - start);
        return {
          environment,
          // Seconds from the axis start: constant for finished environments, so their rows do
          // not re-render while the axis grows; CSS scales them by the span.
          offset: (start - from) / SECOND,
          length: (finish - start) / SECOND,
          running: end === undefined,
          duration,
          title: view.timeline.bar(environment.name, label, duration),
          label,
          start,
          end,
        };
      })}
      notStarted={notStarted}
    />
  );
}

interface ViewRow {
  environment: EnvironmentStep;
  offset: number;
  length: number;
  running: boolean;
  duration: string;
  title: string;
  /** The status, in words. */
  label: string;
  /** When it started and finished (epoch ms); no end while it runs. */
  start: number;
  end: number | undefined;
}

function TimelineView({
  className,
  titleId,
  hasStarted,
  ticks,
  span,
  rows,
  notStarted,
}: {
  className?: string;
  titleId: string;
  hasStarted: boolean;
  ticks: Array<{ at: number; ms: number }>;
  span: number;
  rows: ViewRow[];
  notStarted: EnvironmentStep[];
}) {
  const { text: view, common } = useViewMessages();
  const text = view.timeline;
  return (
    <div className={cx('gr-release-timeline', className)} style={{ '--_gr-timeline-span': span / SECOND } as CSSProperties}>
      <p id={titleId} className="gr-release-timeline__title">
        {text.title}
        {hasStarted ? null : <span className="gr-release-timeline__note"> {text.noneStarted}</span>}
      </p>
      {hasStarted ? (
        <div className="gr-release-timeline__axis" aria-hidden="true">
          <span />
          <TimelineTicks ticks={ticks} span={span} />
          <span />
        </div>
      ) : null}
      <div className="gr-release-timeline__body">
        {hasStarted ? (
          <div className="gr-release-timeline__gridlines" aria-hidden="true">
            {ticks.map((tick) => (
              <span key={tick.ms} className="gr-release-timeline__gridline" style={{ insetInlineStart: pct(tick.at) }} />
            ))}
          </div>
        ) : null}
        <ol className="gr-release-timeline__list" aria-labelledby={titleId}>
          {rows.map((row, index) => (
            <TimelineRow key={`${index}:${row.environment.name}`} {...row} />
          ))}
          {notStarted.map((environment, index) => (
            <li key={`not-started:${index}:${environment.name}`} className="gr-release-timeline__row" data-status={environment.status} data-not-started="">
              <span className="gr-release-timeline__name">
                <StatusBadge status={environment.status} variant="icon-only" size="sm" />
                <span className="gr-release-timeline__name-text" title={environment.name}>
                  {environment.name}
                </span>
              </span>
              <span className="gr-release-timeline__track">
                <span className="gr-release-timeline__not-started">{common.notStarted}</span>
              </span>
              <span className="gr-release-timeline__duration" aria-hidden="true">
                –
              </span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

const pct = (value: number) => `${Math.min(100, Math.max(0, value)).toFixed(3)}%`;

/** The axis's times: their own component, the one part of the axis that changes as the page hydrates. */
function TimelineTicks({ ticks, span }: { ticks: Array<{ at: number; ms: number }>; span: number }) {
  const format = useTimeFormatter(span >= 20 * HOUR ? DAY_TIME : span < 3 * MINUTE ? TIME_WITH_SECONDS : TIME);
  return (
    <span className="gr-release-timeline__ticks">
      {ticks.map((tick) => (
        <span key={tick.ms} className="gr-release-timeline__tick" style={{ insetInlineStart: pct(tick.at) }}>
          {format(tick.ms)}
        </span>
      ))}
    </span>
  );
}

/** A row's status, start and end in words, for screen readers: the part of a row that shows times. */
function RowDetail({ label, start, end }: { label: string; start: number; end: number | undefined }) {
  const { text: view } = useViewMessages();
  const text = view.timeline;
  const format = useTimeFormatter();
  const ended = end === undefined ? text.stillRunning : text.finished(format(end) ?? '');
  return <span className="gr-visually-hidden">, {text.detail(label, format(start) ?? '', ended)}</span>;
}

/** One started environment; memoised so only running rows re-render as the clock ticks. */
const TimelineRow = /* @__PURE__ */ memo(function TimelineRow({ environment, offset, length, running, duration, title, label, start, end }: ViewRow) {
  return (
    <li className="gr-release-timeline__row" data-status={environment.status} data-running={running ? '' : undefined}>
      <span className="gr-release-timeline__name">
        <StatusBadge status={environment.status} variant="icon-only" size="sm" />
        <span className="gr-release-timeline__name-text" title={environment.name}>
          {environment.name}
        </span>
      </span>
      <span className="gr-release-timeline__track" aria-hidden="true">
        <span
          className="gr-release-timeline__bar"
          title={title}
          style={{ '--_gr-timeline-offset': offset, '--_gr-timeline-length': length } as CSSProperties}
        />
      </span>
      <span className="gr-release-timeline__duration">{duration}</span>
      <RowDetail label={label} start={start} end={end} />
    </li>
  );
});
