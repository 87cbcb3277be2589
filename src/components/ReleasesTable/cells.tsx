import { memo, useId, useMemo } from 'react';
import type { EnvironmentStep, GroupRollup, Release, ReleaseColumn, ReleaseRow, Status } from 'gitops-releases/headless';
import { AGGREGATION_PRIORITY, releaseGroupRollups, rowDuration, safeHref } from '../../headless/internal';
import { Avatar } from '../internal/Avatar';
import { Link } from '../internal/Link';
import { relativeTime, useDurationFormatter, useNow, useNumberFormatter, useTimeFormatter } from '../internal/time';
import { statusLabel, useStatusMessages, useTableMessages, type StatusMessages } from '../provider/component-messages';
import type { CommonMessages, NumberFormatter, TableMessages } from '../provider/messages';
import { useReleasesContext } from '../provider/ReleasesProvider';
import { StatusBadge } from '../StatusBadge';

const MINUTE = 60_000;
const NONE = '—';


export interface CellContext {
  formatDuration: (ms: number) => string;
  formatNumber: NumberFormatter;
  messages: TableMessages;
  common: CommonMessages;
  statuses: StatusMessages;
  getReleaseHref?: (release: Release) => string | undefined;
  getFlowHref?: (flow: string, release: Release) => string | undefined;
  groupBy?: (environment: EnvironmentStep) => string | undefined;
}

/**
 * When a release was created: how long ago ("5 min ago") with the date as its tooltip, once the
 * browser has a clock; the date itself on the server and while hydrating. Its own component, on
 * its own minute clock: it alone renders again when the page hydrates and as minutes pass, not
 * the row around it.
 */
function CreatedTime({ iso, created }: { iso: string | undefined; created: number }) {
  const { locale } = useReleasesContext();
  const absolute = useTimeFormatter()(iso);
  const now = useNow(true, 0, MINUTE);
  return (
    <time dateTime={iso} title={absolute}>
      {now > 0 ? relativeTime(created, now, locale) : absolute}
    </time>
  );
}

export function DateCell({ row, context }: { row: ReleaseRow; context: CellContext }) {
  const tooltipId = useId();
  const href = context.getReleaseHref?.(row.release);
  const content = (
    <>
      {row.reason ? (
        <svg className="gr-releases-table__reason-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.5v4.5M8 11v.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      ) : null}
      {row.created === undefined ? (
        <time dateTime={row.release.createdAt}>{context.messages.noDate}</time>
      ) : (
        <CreatedTime iso={row.release.createdAt} created={row.created} />
      )}
    </>
  );
  return (
    <div className="gr-releases-table__date" data-stopped={row.reason ? '' : undefined}>
      {href ? (
        <Link href={href} external={false} className="gr-releases-table__date-link">
          <span aria-describedby={row.reason ? tooltipId : undefined}>{content}</span>
        </Link>
      ) : (
        <span aria-describedby={row.reason ? tooltipId : undefined}>{content}</span>
      )}
      {row.reason ? (
        <span role="tooltip" id={tooltipId} className="gr-releases-table__tooltip">
          {row.reason}
        </span>
      ) : null}
    </div>
  );
}

export function InitiatorCell({ row }: { row: ReleaseRow }) {
  const name = row.initiator;
  if (!name) return <None />;
  const email = row.release.initiator?.email;
  return (
    <span className="gr-releases-table__person" title={email ? `${name} <${email}>` : name}>
      <Avatar person={{ ...row.release.initiator, name }} className="gr-releases-table__avatar" />
      <span className="gr-releases-table__truncate">{name}</span>
    </span>
  );
}

export function FlowCell({ row, context }: { row: ReleaseRow; context: CellContext }) {
  if (row.flow === null) return <span className="gr-releases-table__manual">{context.common.manual}</span>;
  const href = context.getFlowHref?.(row.flow, row.release);
  return href ? (
    <Link href={href} external={false} className="gr-releases-table__truncate" title={row.flow}>
      {row.flow}
    </Link>
  ) : (
    <span className="gr-releases-table__truncate" title={row.flow}>
      {row.flow}
    </span>
  );
}

/** A running release's duration counts up every second; only these cells tick. */
function RunningDuration({ row, format }: { row: ReleaseRow; format: (ms: number) => string }) {
  const now = useNow(true, 0);
  const ms = now > 0 ? rowDuration(row, now) : undefined;
  return <span className="gr-releases-table__number">{ms === undefined ? '' : format(ms)}</span>;
}

/** A cell without a value: a dash. */
function None() {
  return <span className="gr-releases-table__none">{NONE}</span>;
}

export function DurationCell({ row, context }: { row: ReleaseRow; context: CellContext }) {
  // Not started yet: no duration to show.
  if (row.status === 'queued' || row.status === 'pending') return <None />;
  if (row.finished === undefined && row.created !== undefined && (row.status === 'running' || row.status === 'terminating' || row.status === 'suspended')) {
    return <RunningDuration row={row} format={context.formatDuration} />;
  }
  const ms = rowDuration(row, 0);
  return ms === undefined ? <None /> : <span className="gr-releases-table__number">{context.formatDuration(ms)}</span>;
}

export function CommitCell({ row }: { row: ReleaseRow }) {
  const { shortSha, title, sha } = row.commit;
  if (!sha && !title) return <None />;
  const url = safeHref(row.release.trigger?.commit?.url);
  return (
    <span className="gr-releases-table__commit" title={[sha, row.release.trigger?.commit?.message].filter(Boolean).join('\n')}>
      {shortSha ? (
        url ? (
          <Link href={url} className="gr-releases-table__sha">
            {shortSha}
          </Link>
        ) : (
          <code className="gr-releases-table__sha">{shortSha}</code>
        )
      ) : null}
      {title ? <span className="gr-releases-table__truncate">{title}</span> : null}
    </span>
  );
}

export const EnvironmentCell = /* @__PURE__ */ memo(function EnvironmentCell({ status, label }: { status: Status | undefined; label: string }) {
  if (status === undefined) {
    return (
      <span className="gr-releases-table__none" title={label}>
        <span aria-hidden="true">{NONE}</span>
        <span className="gr-visually-hidden">{label}</span>
      </span>
    );
  }
  return <StatusBadge status={status} variant="icon-only" size="md" />;
});

/** A group's bar, left to right: what ended, then what runs, then what waits. */
const BAR_ORDER: readonly Status[] = ['succeeded', 'failed', 'error', 'terminated', 'skipped', 'terminating', 'running', 'suspended', 'pending', 'queued', 'unknown'];

/** What a group cell says: failures first, else how far its members got. */
function groupText(rollup: GroupRollup, text: TableMessages['groups'], format: NumberFormatter): string {
  if (rollup.failed > 0) return text.failed(rollup.failed, rollup.total, format);
  if (rollup.counts.succeeded === rollup.total) return text.succeeded(rollup.total, format);
  if (rollup.finished === 0 && rollup.running === 0) return text.notStarted(rollup.total, format);
  return text.done(rollup.finished, rollup.total, format);
}

/**
 * A group's members in one release: a bar of their statuses (a segment per status, sized by its
 * count) and the news in words ("3 failed / 250"). Screen readers hear every count instead, in
 * the order statuses combine (problems first). The rollup is the release's own, computed once.
 */
export const GroupCell = /* @__PURE__ */ memo(function GroupCell({ rollup, context }: { rollup: GroupRollup | undefined; context: CellContext }) {
  if (!rollup || rollup.total === 0) return <EnvironmentCell status={undefined} label={context.messages.notPartOfRelease} />;
  const text = context.messages.groups;
  const format = context.formatNumber;
  const counts = AGGREGATION_PRIORITY.filter((status) => rollup.counts[status] > 0)
    .map((status) => text.count(rollup.counts[status], statusLabel(context.statuses, status), format))
    .join(', ');
  const summary = text.summary(rollup.id, rollup.total, counts, format);
  return (
    <span className="gr-releases-table__group" data-status={rollup.status} data-failed={rollup.failed > 0 ? '' : undefined} title={summary}>
      <span className="gr-releases-table__group-bar" aria-hidden="true">
        {BAR_ORDER.map((status) =>
          rollup.counts[status] > 0 ? <span key={status} className="gr-releases-table__group-segment" data-status={status} style={{ flexGrow: rollup.counts[status] }} /> : null,
        )}
      </span>
      <span className="gr-releases-table__group-text gr-releases-table__number" aria-hidden="true">
        {groupText(rollup, text, format)}
      </span>
      <span className="gr-visually-hidden">{summary}</span>
    </span>
  );
});

/**
 * The duration formatter, messages and links for every cell of a table. No clock and no date
 * formatter: those change as the page hydrates and as time passes, and would render every row
 * again; the cells that show times read them themselves.
 */
export function useCellContext(
  getReleaseHref: CellContext['getReleaseHref'],
  getFlowHref: CellContext['getFlowHref'],
  groupBy?: CellContext['groupBy'],
): CellContext {
  const formatDuration = useDurationFormatter();
  const formatNumber = useNumberFormatter();
  const { text: messages, common } = useTableMessages();
  const statuses = useStatusMessages();
  return useMemo(
    () => ({ formatDuration, formatNumber, messages, common, statuses, getReleaseHref, getFlowHref, groupBy }),
    [formatDuration, formatNumber, messages, common, statuses, getReleaseHref, getFlowHref, groupBy],
  );
}


/** What a column shows for a row. */
export function releaseCell(column: ReleaseColumn, row: ReleaseRow, context: CellContext) {
  if (column.kind === 'environment') return <EnvironmentCell status={row.environments.get(column.environment)} label={context.messages.notPartOfRelease} />;
  if (column.kind === 'group') return <GroupCell rollup={releaseGroupRollups(row.release, { groupBy: context.groupBy }).get(column.group)} context={context} />;
  switch (column.id) {
    case 'date':
      return <DateCell row={row} context={context} />;
    case 'status':
      return <StatusBadge status={row.status} size="sm" />;
    case 'initiator':
      return <InitiatorCell row={row} />;
    case 'version':
      return row.version ? (
        <span className="gr-releases-table__truncate" title={row.version}>
          {row.version}
        </span>
      ) : (
        <None />
      );
    case 'flow':
      return <FlowCell row={row} context={context} />;
    case 'duration':
      return <DurationCell row={row} context={context} />;
    case 'commit':
      return <CommitCell row={row} />;
    default:
      return null;
  }
}

/**
 * Column widths in rem, as in releases-table.css: the table is never narrower than their sum (it
 * scrolls sideways instead) and the commit column takes what is left above its minimum.
 */
const FIELD_REM = 8.75 + 7.75 + 9.5 + 5.75 + 9.5 + 6.75;
const COMMIT_MIN_REM = 11;
const ENVIRONMENT_REM = 5.25;
const GROUP_REM = 8.5;

/** The table's min-width for these columns (and `extraRem` more, e.g. for the checkbox column). */
export function tableMinWidth(columns: readonly ReleaseColumn[], extraRem = 0): string {
  let rem = FIELD_REM + COMMIT_MIN_REM + extraRem;
  for (const column of columns) rem += column.kind === 'environment' ? ENVIRONMENT_REM : column.kind === 'group' ? GROUP_REM : 0;
  return `${rem}rem`;
}
