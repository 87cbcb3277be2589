import { memo, useRef, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Handle, Position, useReactFlow, type NodeProps } from '@xyflow/react';
import type { GroupCountKind, Status, StatusCountsByStatus, TileKey } from 'gitops-releases/headless';
import { durationMs, groupCountKinds, tileCenter, tileInDirection } from '../../headless/internal';
import { StatusBadge } from '../StatusBadge';
import { StatusIcon, glyphFor } from '../StatusBadge/icons';
import { cx } from '../internal/cx';
import { formatMessage, formatMessageParts } from '../internal/message-format';
import { useDurationFormatter, useNumberFormatter, useNow } from '../internal/time';
import { waitingText } from '../internal/waiting';
import { useGraphMessages, useStatusMessages, statusLabel } from '../provider/component-messages';
import type { GraphMessages, NumberFormatter } from '../provider/messages';
import { useReleasesContext } from '../provider/ReleasesProvider';
import { useGraphContext } from './context';
import { domId, type FrameFlowNode, type GroupFlowNode, type GroupSummary, type TilesFlowNode } from './flow-model';

/** The order of a status bar's segments: done first, then problems, work under way, what waits. */
const BAR_ORDER: readonly Status[] = ['succeeded', 'failed', 'error', 'terminating', 'terminated', 'running', 'suspended', 'skipped', 'queued', 'pending', 'unknown'];
/** The status whose icon and colour stand for each kind of count. */
const KIND_STATUS: Readonly<Record<GroupCountKind, Status>> = {
  succeeded: 'succeeded',
  failed: 'failed',
  terminated: 'terminated',
  running: 'running',
  waiting: 'suspended',
  notStarted: 'pending',
  skipped: 'skipped',
};
/** What a short summary names first: trouble, then work under way, then what waits. */
const HEADLINE: readonly GroupCountKind[] = ['failed', 'running', 'waiting', 'terminated', 'succeeded', 'notStarted', 'skipped'];
/** How many names of failed (and running) members a node lists before "+N more". */
const NAMES_SHOWN = 3;
const TILE_KEYS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

const listFormats = /* @__PURE__ */ new Map<string, (items: string[]) => string>();
/** Joins a list as the locale does ("a, b, c"); without `Intl.ListFormat`, with commas. */
function listFormatter(locale: string): (items: string[]) => string {
  let format = listFormats.get(locale);
  if (!format) {
    const list = typeof Intl.ListFormat === 'function' ? new Intl.ListFormat(locale, { type: 'unit', style: 'short' }) : undefined;
    format = (items) => (list ? list.format(items) : items.join(', '));
    listFormats.set(locale, format);
  }
  return format;
}

/** The words of a group's summary, in the provider's messages and locale. */
export function useGroupWords() {
  const { text, common } = useGraphMessages();
  const format = useNumberFormatter();
  const list = listFormatter(useReleasesContext().locale);
  const count = (kind: GroupCountKind, n: number) => formatMessage(text.groupCounts[kind], { count: format(n) });
  const waiting = (group: GroupSummary) => (group.waiting ? waitingText(group.waiting, group.waitingOn ?? '', common.waiting, format) : undefined);
  return {
    text,
    format,
    list,
    count,
    waiting,
    /** "eu-west, 250 environments: 240 succeeded, 3 failed, 7 running, waiting for approval in staging". */
    label: (group: GroupSummary) =>
      formatMessage(text.groupLabel, {
        group: group.label,
        members: text.members(group.total, format),
        counts: list(groupCountKinds(group.counts).map(({ kind, count: n }) => count(kind, n))),
        waiting: waiting(group),
      }),
    /** The one count that says most: "3 failed", else "7 running", … */
    headline: (group: GroupSummary) => {
      const first = headlineOf(group);
      return first ? count(first.kind, first.count) : '';
    },
  };
}

/** The kind of count a short summary names first, with its count. */
function headlineOf(group: GroupSummary): { kind: GroupCountKind; count: number } | undefined {
  const kinds = groupCountKinds(group.counts);
  return HEADLINE.map((kind) => kinds.find((entry) => entry.kind === kind)).find((entry) => entry !== undefined);
}

/**
 * Far out, under the name: the count that says most as its status icon and number ("✗ 3"), short
 * enough for a tile a few dozen pixels wide (the words are in the node's accessible name).
 */
function FarDetail({ group, format }: { group: GroupSummary; format: NumberFormatter }) {
  const first = headlineOf(group);
  if (!first) return null;
  const count = format(first.count);
  return (
    // As wide as about two characters more than the number, with the icon (CSS fits it to the tile).
    <span className="gr-release-graph__far-detail" style={{ ['--_gr-far-chars' as string]: count.length + 2 }}>
      <StatusIcon glyph={glyphFor('release', KIND_STATUS[first.kind])} className="gr-release-graph__far-icon" />
      {count}
    </span>
  );
}

/**
 * Far out, a group's name in large type: as large as its tile's width allows for it (CSS reads its
 * length), never smaller than the far-out size, where a long one ends in an ellipsis.
 */
function FarName({ name }: { name: string }) {
  return (
    <span className="gr-release-graph__far-name" style={{ ['--_gr-far-chars' as string]: Math.max(name.length, 1) }}>
      {name}
    </span>
  );
}

/** Segments per status, as wide as their counts, in the status colours. Decorative: the counts say it in words. */
function StatusBar({ counts, className }: { counts: StatusCountsByStatus; className?: string }) {
  return (
    <span className={cx('gr-release-graph__bar', className)} aria-hidden="true">
      {BAR_ORDER.map((status) => (counts[status] > 0 ? <span key={status} data-status={status} style={{ flexGrow: counts[status] }} /> : null))}
    </span>
  );
}

/** The counts with their status icons ("✓ 240  ✗ 3  ▶ 7"), each titled in words. */
function Counts({ group, count, format }: { group: GroupSummary; count: (kind: GroupCountKind, n: number) => string; format: NumberFormatter }) {
  return (
    <span className="gr-release-graph__counts">
      {groupCountKinds(group.counts).map(({ kind, count: n }) => (
        <StatusBadge key={kind} status={KIND_STATUS[kind]} size="sm" label={format(n)} title={count(kind, n)} className="gr-release-graph__count" />
      ))}
    </span>
  );
}

/** A group's duration, counting up while it runs (not on the server, which has no clock). */
function useGroupDuration(group: GroupSummary): string | undefined {
  const running = group.runningCount > 0 && !group.finishedAt;
  const now = useNow(running && !!group.startedAt);
  const formatDuration = useDurationFormatter();
  const ms = durationMs(group.startedAt, group.finishedAt, now);
  return ms === undefined || (!group.finishedAt && now === 0) ? undefined : formatDuration(ms);
}

/** "store-0017, store-0044, store-0045 +3 more", after the status's icon. */
function NameLine({ status, names, total, text, format, list }: { status: Status; names: string[]; total: number; text: GraphMessages; format: NumberFormatter; list: (items: string[]) => string }) {
  const shown = names.slice(0, NAMES_SHOWN);
  const line = list(shown);
  return (
    <span className="gr-release-graph__group-line" data-status={status} title={line}>
      <StatusIcon glyph={glyphFor('release', status)} className="gr-release-graph__line-icon" />
      <span className="gr-release-graph__line-names">{line}</span>
      {total > shown.length ? <span className="gr-release-graph__line-more">{text.moreMembers(total - shown.length, format)}</span> : null}
    </span>
  );
}

/** Handles where the group's edges meet it. */
function Handles({ children }: { children: ReactNode }) {
  const { direction } = useGraphContext();
  return (
    <>
      <Handle type="target" position={direction === 'LR' ? Position.Left : Position.Top} isConnectable={false} className="gr-release-graph__handle" />
      {children}
      <Handle type="source" position={direction === 'LR' ? Position.Right : Position.Bottom} isConnectable={false} className="gr-release-graph__handle" />
    </>
  );
}

/**
 * A closed group as one node, exactly `groupNodeSize` big: its name and size, a status bar with the
 * counts, the failed and running members by name, its duration and why it waits, then a row per
 * sub-group. Far out (the canvas's `data-zoom="far"`), CSS shows it as one tile in its status colour
 * with its name in large type instead. A click or Enter opens it.
 */
function GroupNodeView({ id, data, width, height }: NodeProps<GroupFlowNode>) {
  const graph = useGraphContext();
  const words = useGroupWords();
  const { text, format, list, count } = words;
  const group = data.group;
  const duration = useGroupDuration(group);
  const waiting = words.waiting(group);
  const names = group.failedCount + group.runningCount;
  const label = words.label(group);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      graph.toggleGroup(group.id, 'keyboard');
    } else if (event.key === 'Escape') graph.focusGroupAround(id);
  };
  return (
    <div
      className={cx('gr-release-graph__group', graph.nodeClassName)}
      data-node-id={id}
      data-status={group.status}
      data-match={graph.matchedGroups?.has(group.id) ? '' : undefined}
      style={{ width, height }}
      // A group of content, as an environment's node is (a button's name would have to repeat
      // every word it shows); Enter opens it, as the keyboard help says.
      role="group"
      tabIndex={graph.activeId === id ? 0 : -1}
      aria-roledescription={text.group}
      aria-label={label}
      title={formatMessage(text.expandGroup, { group: group.label })}
      onKeyDown={onKeyDown}
    >
      <Handles>
        <div className="gr-release-graph__group-full">
          <div className="gr-release-graph__group-header">
            <span className="gr-release-graph__group-title">
              {formatMessageParts(text.groupTitle, {
                group: <span className="gr-release-graph__group-name">{group.name}</span>,
                members: <span className="gr-release-graph__group-members">{text.members(group.total, format)}</span>,
              })}
            </span>
            <span className="gr-release-graph__group-state">
              <StatusBadge status={group.status} size="sm" />
              <span className="gr-release-graph__group-progress">
                {formatMessage(text.groupProgress, { finished: format(group.finished), total: format(group.total) })}
              </span>
            </span>
          </div>
          <div className="gr-release-graph__group-summary">
            <StatusBar counts={group.counts} />
            <Counts group={group} count={count} format={format} />
          </div>
          <div className="gr-release-graph__group-names">
            {group.failedCount > 0 ? <NameLine status="failed" names={group.failed} total={group.failedCount} text={text} format={format} list={list} /> : null}
            {group.runningCount > 0 ? <NameLine status="running" names={group.running} total={group.runningCount} text={text} format={format} list={list} /> : null}
            {/* Nobody to name: why it waits has the two lines. */}
            {waiting && names === 0 ? (
              <span className="gr-release-graph__group-waiting" data-lines="2" title={waiting}>
                {waiting}
              </span>
            ) : null}
          </div>
          <div className="gr-release-graph__group-footer">
            {duration ? <span className="gr-release-graph__duration-text">{duration}</span> : null}
            {waiting && names > 0 ? (
              <span className="gr-release-graph__group-waiting" title={waiting}>
                {waiting}
              </span>
            ) : null}
          </div>
          {data.subgroups.length > 0 ? (
            <ul className="gr-release-graph__subgroups">
              {data.subgroups.map((sub) => (
                <li key={sub.id} className="gr-release-graph__subgroup" data-status={sub.status} data-match={graph.matchedGroups?.has(sub.id) ? '' : undefined}>
                  <span className="gr-release-graph__subgroup-name" title={sub.label}>
                    {sub.name}
                  </span>
                  <StatusBar counts={sub.counts} className="gr-release-graph__bar--mini" />
                  <span className="gr-release-graph__subgroup-headline">{words.headline(sub)}</span>
                </li>
              ))}
              {data.moreSubgroups > 0 ? <li className="gr-release-graph__subgroup gr-release-graph__subgroup--more">{text.moreGroups(data.moreSubgroups, format)}</li> : null}
            </ul>
          ) : null}
        </div>
        <div className="gr-release-graph__far" aria-hidden="true">
          <FarName name={group.name} />
          <FarDetail group={group} format={format} />
          {/* What a reader needs from afar: why a group that has not started waits, else which of its sub-groups are done, failed or running. */}
          {waiting && names === 0 ? (
            // Non-breaking hyphens: a line ends between words, never inside `wave-2`.
            <span className="gr-release-graph__far-waiting">{waiting.replace(/-/g, '\u2011')}</span>
          ) : data.subgroups.length > 0 ? (
            <span className="gr-release-graph__far-subgroups">
              {data.subgroups.map((sub) => (
                <span key={sub.id} className="gr-release-graph__far-subgroup" data-status={sub.status} title={`${sub.name}: ${words.headline(sub)}`} />
              ))}
            </span>
          ) : null}
        </div>
      </Handles>
    </div>
  );
}

export const GroupNode = /* @__PURE__ */ memo(GroupNodeView);

/**
 * The environments directly in an open group, as a grid of tiles in their status colours: one
 * plain element per tile, no state of its own (a 2,500-store wave is one node, not 2,500). The
 * node takes focus like any other; Enter goes into the grid, where arrows move between tiles,
 * Enter opens one, and Escape leaves. A tooltip names the tile under the pointer or the focus.
 */
function TilesNodeView({ id, data, width, height }: NodeProps<TilesFlowNode>) {
  const graph = useGraphContext();
  const words = useGroupWords();
  const labels = useStatusMessages();
  const { text, format, count } = words;
  const { group, names, statuses, columns } = data;
  const root = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const last = useRef(-1);

  const tileAt = (index: number) => root.current?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;
  const indexOf = (target: EventTarget | null) => {
    const tile = (target as HTMLElement | null)?.closest?.<HTMLElement>('[data-index]');
    return tile ? Number(tile.dataset.index) : -1;
  };
  // The tooltip is moved by hand: hovering 250 tiles must not render the node 250 times.
  const showTip = (index: number) => {
    const tile = tileAt(index);
    const box = tip.current;
    if (!tile || !box) return;
    box.textContent = tile.getAttribute('aria-label');
    box.style.left = `${tile.offsetLeft + tile.offsetWidth / 2}px`;
    box.style.top = `${tile.offsetTop}px`;
    box.dataset.visible = '';
  };
  const hideTip = () => {
    if (tip.current) delete tip.current.dataset.visible;
  };
  const flow = useReactFlow();
  const focusTile = (index: number) => {
    last.current = index;
    const tile = tileAt(index);
    if (!tile) return;
    tile.focus({ preventScroll: true });
    // A large grid seen close up: the view follows the focus out of sight.
    const frame = root.current?.closest('.react-flow')?.getBoundingClientRect();
    const box = tile.getBoundingClientRect();
    const node = flow.getInternalNode(id);
    if (frame && node && (box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom)) {
      const centre = tileCenter(index, columns);
      const at = node.internals.positionAbsolute;
      void flow.setCenter(at.x + centre.x, at.y + centre.y, { zoom: flow.getZoom(), duration: 150 });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = indexOf(event.target);
    if (index < 0) {
      if (event.target !== event.currentTarget) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        // Back where the reader left, else the selected environment, else the first failure.
        const selected = graph.selectedId === null ? -1 : names.indexOf(graph.selectedId);
        const failed = statuses.findIndex((status) => status === 'failed' || status === 'error');
        focusTile([last.current, selected, failed, 0].find((i) => i >= 0 && i < names.length)!);
      } else if (event.key === 'Escape') graph.focusGroupAround(id);
      return;
    }
    if (TILE_KEYS.has(event.key)) {
      event.preventDefault();
      event.stopPropagation();
      const next = tileInDirection(names.length, columns, index, event.key as TileKey);
      if (next !== undefined) focusTile(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      graph.select(names[index]!);
      graph.open(names[index]!);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      hideTip();
      root.current?.focus({ preventScroll: true });
    }
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const index = indexOf(event.target);
    if (index < 0) return;
    last.current = index;
    graph.select(names[index]!);
  };
  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const index = indexOf(event.target);
    if (index >= 0) graph.open(names[index]!);
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const index = indexOf(event.target);
    if (index >= 0) showTip(index);
    else hideTip();
  };

  const selected = graph.selectedId;
  const matches = graph.matches;
  const rows: number[][] = [];
  for (let start = 0; start < names.length; start += columns) rows.push(Array.from({ length: Math.min(columns, names.length - start) }, (_, i) => start + i));
  const tileLabel = (index: number) => formatMessage(text.tile, { environment: names[index]!, status: statusLabel(labels, statuses[index]) });

  return (
    <div
      ref={root}
      className={cx('gr-release-graph__tiles', graph.nodeClassName)}
      data-node-id={id}
      data-status={group.status}
      data-match={graph.matchedGroups?.has(group.id) ? '' : undefined}
      style={{ width, height }}
      role="group"
      tabIndex={graph.activeId === id ? 0 : -1}
      aria-roledescription={text.group}
      aria-label={words.label(group)}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={hideTip}
      onMouseOver={(event) => {
        const index = indexOf(event.target);
        if (index >= 0) showTip(index);
      }}
      onMouseLeave={hideTip}
    >
      <Handles>
        <div className="gr-release-graph__tiles-header">
          <span className="gr-release-graph__group-title">
            {formatMessageParts(text.groupTitle, {
              group: <span className="gr-release-graph__group-name">{group.name}</span>,
              members: <span className="gr-release-graph__group-members">{text.members(group.total, format)}</span>,
            })}
          </span>
          <span className="gr-release-graph__group-summary">
            <StatusBar counts={group.counts} />
            <Counts group={group} count={count} format={format} />
          </span>
        </div>
        <div className="gr-release-graph__tile-grid" role="grid" aria-label={formatMessage(text.tiles, { group: group.label })} onClick={onClick} onDoubleClick={onDoubleClick}>
          {rows.map((row) => (
            <div key={row[0]} role="row" className="gr-release-graph__tile-row">
              {row.map((index) => {
                const name = names[index]!;
                const tileName = tileLabel(index);
                return (
                  <div
                    key={index}
                    role="gridcell"
                    tabIndex={-1}
                    className="gr-release-graph__tile"
                    data-index={index}
                    data-status={statuses[index]}
                    data-selected={selected === name ? '' : undefined}
                    data-match={matches?.has(name) ? '' : undefined}
                    aria-selected={selected === name ? true : undefined}
                    aria-label={tileName}
                    title={tileName}
                  />
                );
              })}
            </div>
          ))}
        </div>
        <div ref={tip} className="gr-release-graph__tile-tip" aria-hidden="true" />
        <div className="gr-release-graph__far gr-release-graph__far--tiles" aria-hidden="true">
          <FarName name={group.name} />
          <FarDetail group={group} format={format} />
        </div>
      </Handles>
    </div>
  );
}

export const TilesNode = /* @__PURE__ */ memo(TilesNodeView);

/**
 * The box around what an open group shows, drawn below its nodes, with a header that names the
 * group, sums it up, and closes it (a click, or Enter once Escape has brought focus here).
 */
function FrameNodeView({ data, width, height }: NodeProps<FrameFlowNode>) {
  const graph = useGraphContext();
  const words = useGroupWords();
  const { text, format, count } = words;
  const group = data.group;
  const action = formatMessage(text.collapseGroup, { group: group.label });
  const kinds = groupCountKinds(group.counts);
  return (
    <div className="gr-release-graph__frame" data-status={group.status} data-depth={data.depth} style={{ width, height }}>
      {/* The whole header takes a click; its button (named by what it does and the group's name it shows) takes the keyboard. */}
      <div
        className="gr-release-graph__frame-header"
        // The frame lets the pointer through to the canvas (an inherited `none`); its header takes it.
        style={{ pointerEvents: 'auto' }}
        // `detail` is 0 for a click made with Enter or Space on the button.
        onClick={(event) => graph.toggleGroup(group.id, event.detail === 0 ? 'keyboard' : 'pointer')}
      >
        <button type="button" className="gr-release-graph__frame-button" data-frame-for={domId(group.id)} tabIndex={-1} aria-expanded={true} aria-label={action} title={action}>
          <svg className="gr-release-graph__frame-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M4 8h8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
          <span className="gr-release-graph__frame-name">{group.label}</span>
        </button>
        <span className="gr-release-graph__frame-members">{text.members(group.total, format)}</span>
        <span className="gr-release-graph__frame-counts">{words.list(kinds.map(({ kind, count: n }) => count(kind, n)))}</span>
        {/* Far out, the header's words would be a few pixels high: this label stands above the frame instead, and takes its clicks. */}
        <span className="gr-release-graph__frame-far" aria-hidden="true">
          {group.name}
        </span>
      </div>
    </div>
  );
}

export const FrameNode = /* @__PURE__ */ memo(FrameNodeView);
