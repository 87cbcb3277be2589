import { forwardRef, memo, useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EnvironmentStep, Release, ReleaseColumn, ReleaseRow, ReleaseSortKey, ReleasesPageInfo } from 'gitops-releases/headless';
import { cx } from '../internal/cx';
import { rootElementProps, type RootElementProps } from '../internal/root-props';
import { StateMessage, describeError } from '../internal/StateMessage';
import { useReportedError } from '../internal/report-error';
import { useReleasesContext, useRootClassName, type Density, type ReleasesErrorHandler } from '../provider/ReleasesProvider';
import { useNumberFormatter } from '../internal/time';
import { releaseCell, tableMinWidth, useCellContext, type CellContext } from './cells';
import { FilterBar } from './FilterBar';
import { useReleasesTable, type ReleasesTableStateOptions } from './useReleasesTable';
import { useSelection, type Selection } from './use-selection';

export type ReleasesTableDensity = Density;

export interface ReleasesTableClassNames {
  /** The outer `div.gr-releases-table`. @default undefined */
  root?: string;
  /** The filter bar `div.gr-releases-table__filters`. @default undefined */
  filters?: string;
  /** The scrolling box around the table. @default undefined */
  scroller?: string;
  /** The `table`. @default undefined */
  table?: string;
  /** Each body `tr`. @default undefined */
  row?: string;
}

export interface ReleasesTableProps extends ReleasesTableStateOptions, RootElementProps {
  /**
   * The releases. Client mode: all of them (sorted, filtered and paged here). Server mode: the
   * page the host fetched. `undefined` while the first load runs shows the loading state.
   * @default undefined (loading, or the error given)
   */
  releases: readonly Release[] | undefined;
  /**
   * `client` or `server` (the host pages by cursor and filters server-side; see `pageInfo`).
   * @default 'client'
   */
  mode?: 'client' | 'server';
  /**
   * Called with the release when a row is clicked or Enter is pressed on it.
   * @default undefined (rows are not selectable)
   */
  onReleaseSelect?: (release: Release) => void;
  /**
   * The release's own page, for the date link (a path of the host's router, or a URL).
   * @default undefined (no link)
   */
  getReleaseHref?: (release: Release) => string | undefined;
  /**
   * The promotion flow's page, to make the flow a link.
   * @default undefined (no link)
   */
  getFlowHref?: (flow: string, release: Release) => string | undefined;
  /**
   * The group path of an environment (`wave-2/eu-west`, at most 3 levels), over its `group`
   * field; `undefined` or `''` is no group, and `() => undefined` turns group columns off. When
   * environments are in groups, each top-level group is one column (expanded from its header;
   * see `expandedGroups`). Pass a stable function (from the module, or `useCallback`).
   * @default the environments' own `group`
   */
  groupBy?: (environment: EnvironmentStep) => string | undefined;
  /**
   * Client mode: rows per page, with page controls. Without it every row is one virtualised list.
   * @default undefined (one list)
   */
  pageSize?: number;
  /**
   * Server mode: cursors and whether there are pages before and after.
   * @default undefined (no page before or after)
   */
  pageInfo?: ReleasesPageInfo;
  /**
   * Server mode: how many releases match in all.
   * @default undefined (the count of the page shown)
   */
  totalCount?: number;
  /**
   * A load is under way: with no releases yet, skeleton rows; with a page shown (server mode,
   * between pages), the rows stay, dimmed, with a progress bar.
   * @default false
   */
  loading?: boolean;
  /**
   * The host could not load the releases: shown inline, with `onReload` as a button.
   * @default undefined
   */
  error?: unknown;
  /**
   * Called when `releases` cannot be shown (a `ReleaseDataError` naming the path and value),
   * after the error is shown inline. Not called for `error`, which the host already knows.
   * Takes the place of the provider's `onError`.
   * @default the nearest `ReleasesProvider`'s `onError`
   */
  onError?: ReleasesErrorHandler;
  /**
   * Loads the releases again: the button of the error state.
   * @default undefined (no button)
   */
  onReload?: () => void;
  /**
   * @deprecated Use `onReload` (the same callback; `onRetry` elsewhere retries a failed
   * release). Removed in the next minor version.
   * @default undefined
   */
  onRetry?: () => void;
  /**
   * Row height: `comfortable` (44 px) or `compact` (32 px).
   * @default the provider's `density` ('comfortable' without one)
   */
  density?: ReleasesTableDensity;
  /**
   * Height of the scrolling box (the header stays on top, the first column on the left).
   * @default 560
   */
  height?: number | string;
  /** Shows the filter bar. @default true */
  showFilters?: boolean;
  /**
   * Selection mode: a checkbox first in every row ("Select checkout 1.4.2"), Shift-click for
   * the range from the last row clicked to this one in the order shown, and a bar above the
   * table with the count. From the keyboard, Space on a row toggles it and Shift+Space selects
   * the range (Enter still calls `onReleaseSelect`). The selection is of release ids: it
   * survives sorting, filtering and paging, and selected rows a filter hides still count ("3
   * selected, 1 not shown").
   * @default false (true when `onCompare` is given)
   */
  selectable?: boolean;
  /**
   * Controlled selection: the ids of the selected releases.
   * @default undefined (uncontrolled)
   */
  selectedReleases?: readonly string[];
  /**
   * The selection at first when uncontrolled.
   * @default [] (none)
   */
  defaultSelectedReleases?: readonly string[];
  /**
   * The selection changed: every selected id, in the order they were selected.
   * @default undefined
   */
  onSelectedReleasesChange?: (ids: readonly string[]) => void;
  /**
   * Shows a Compare button in the selection bar, enabled when exactly two releases are selected,
   * which calls this with them, older first (by `createdAt`); turns selection mode on.
   * @default undefined (no Compare button)
   */
  onCompare?: (older: Release, newer: Release) => void;
  /**
   * Accessible name of the table (on the `table`, not the root).
   * @default `messages.table.tableLabel` ('Releases')
   */
  'aria-label'?: string;
  /** Class of the root, after `classNames.root`. @default undefined */
  className?: string;
  /** Style of the root. @default undefined */
  style?: CSSProperties;
  /** Classes of the parts. @default undefined */
  classNames?: ReleasesTableClassNames;
}

const ROW_HEIGHT: Record<ReleasesTableDensity, number> = { comfortable: 44, compact: 32 };
const HEADER_HEIGHT = 40;
const SKELETON_ROWS = 8;
/** The checkbox column's width in rem, as in releases-table.css. */
const SELECT_REM = 2.5;

/**
 * Every release of a product, newest first: sortable, filterable (status, flow, environment or
 * group, dates, text), one status column per environment in promotion order (one per group of
 * environments, rolled up, when they are in groups), virtualised so 10,000 releases keep about 60
 * rows in the page. Client mode sorts and filters the array given; server mode reports state
 * changes and shows the page the host fetched.
 */
export const ReleasesTable = /* @__PURE__ */ forwardRef<HTMLDivElement, ReleasesTableProps>(function ReleasesTable(props, ref) {
  const rootClassName = useRootClassName();
  const {
    releases,
    mode = 'client',
    onReleaseSelect,
    getReleaseHref,
    getFlowHref,
    groupBy,
    pageSize,
    pageInfo,
    totalCount,
    loading = false,
    error,
    onError,
    onReload = props.onRetry,
    height = 560,
    showFilters = true,
    onCompare,
    selectable = onCompare !== undefined,
    selectedReleases,
    defaultSelectedReleases,
    onSelectedReleasesChange,
    className,
    style,
    classNames,
    'aria-label': ariaLabel,
    ...rest
  } = props;
  // `rest` holds the state options too: `rootElementProps` keeps only `id`, `data-*` and `aria-*`.
  const table = useReleasesTable({ ...rest, releases, mode, pageSize, pageInfo, totalCount, groupBy });
  const provider = useReleasesContext();
  const density: ReleasesTableDensity = table.density === 'compact' || table.density === 'comfortable' ? table.density : provider.density;
  const context = useCellContext(getReleaseHref, getFlowHref, groupBy);
  const formatNumber = useNumberFormatter();
  const text = context.messages;
  const firstLoad = releases === undefined && (loading || error === undefined);
  useReportedError('ReleasesTable', table.error, onError);
  const problem = error ?? table.error;
  const dataState = problem !== undefined ? 'error' : firstLoad ? 'loading' : table.rows.length === 0 ? 'empty' : 'ready';
  const paged = mode === 'server' || (pageSize !== undefined && pageSize > 0);
  const selection = useSelection({ selectedReleases, defaultSelectedReleases, onSelectedReleasesChange, releases, rows: table.rows });

  const summary =
    dataState === 'loading'
      ? text.loading
      : text.count(mode === 'server' ? table.rows.length : (table.total ?? 0), mode === 'server' ? totalCount : undefined, formatNumber);

  return (
    <div
      {...rootElementProps(rest)}
      ref={ref}
      className={cx(rootClassName, 'gr-releases-table', classNames?.root, className)}
      style={style}
      data-state={dataState}
      data-density={density}
      aria-busy={loading || undefined}
    >
      {showFilters ? (
        <FilterBar
          className={classNames?.filters}
          filters={table.state.filters}
          flows={table.flows}
          columns={table.environmentColumns}
          hiddenColumns={table.state.hiddenColumns}
          hiddenGroups={table.state.hiddenGroups}
          filtered={table.filtered}
          onFiltersChange={table.setFilters}
          onClear={table.clearFilters}
          onColumnHiddenChange={table.setColumnHidden}
          onGroupHiddenChange={table.setGroupHidden}
          summary={summary}
        />
      ) : null}
      {selectable && dataState !== 'error' ? <SelectionBar selection={selection} onCompare={onCompare} text={text.selection} /> : null}
      {dataState === 'error' ? (
        <StateMessage
          kind="error"
          title={error !== undefined ? text.errorTitle : text.dataErrorTitle}
          detail={describeError(problem)}
        >
          {onReload && error !== undefined ? (
            <button type="button" className="gr-releases-table__button" onClick={onReload}>
              {text.retry}
            </button>
          ) : null}
        </StateMessage>
      ) : (
        <>
          {loading && dataState !== 'loading' ? (
            <div className="gr-releases-table__progress" role="progressbar" aria-label={text.loadingPage} />
          ) : null}
          <TableBody
            rows={table.rows}
            columns={table.visibleColumns}
            sort={table.state.sort}
            onSort={table.toggleSort}
            onGroupExpandedChange={table.setGroupExpanded}
            onReleaseSelect={onReleaseSelect}
            selection={selectable ? selection : undefined}
            context={context}
            density={density}
            height={height}
            skeleton={dataState === 'loading'}
            classNames={classNames}
            ariaLabel={ariaLabel ?? text.tableLabel}
            dimmed={loading && dataState !== 'loading'}
          />
          {dataState === 'empty' ? (
            table.filtered ? (
              <StateMessage kind="empty" title={text.emptyFiltered} detail={text.emptyFilteredDetail}>
                <button type="button" className="gr-releases-table__button" onClick={table.clearFilters}>
                  {text.clearFilters}
                </button>
              </StateMessage>
            ) : (
              <StateMessage kind="empty" title={text.empty} detail={text.emptyDetail} />
            )
          ) : null}
          {paged && dataState !== 'loading' ? (
            <nav className="gr-releases-table__pager" aria-label={text.tableLabel}>
              <button type="button" className="gr-releases-table__button" onClick={table.previousPage} disabled={!table.canPreviousPage || loading}>
                {text.previousPage}
              </button>
              <span className="gr-releases-table__page">{text.page(table.page, mode === 'server' ? undefined : table.pageCount, formatNumber)}</span>
              <button type="button" className="gr-releases-table__button" onClick={table.nextPage} disabled={!table.canNextPage || loading}>
                {text.nextPage}
              </button>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
});

interface TableBodyProps {
  rows: readonly ReleaseRow[];
  columns: readonly ReleaseColumn[];
  sort: { key: ReleaseSortKey; desc: boolean };
  onSort: (key: ReleaseSortKey) => void;
  onGroupExpandedChange: (group: string, expanded: boolean) => void;
  onReleaseSelect: ((release: Release) => void) | undefined;
  /** Selection mode's state; `undefined` outside it. */
  selection: Selection | undefined;
  context: CellContext;
  density: ReleasesTableDensity;
  height: number | string;
  skeleton: boolean;
  classNames: ReleasesTableClassNames | undefined;
  ariaLabel: string;
  dimmed: boolean;
}

function TableBody({ rows, columns, sort, onSort, onGroupExpandedChange, onReleaseSelect, selection, context, density, height, skeleton, classNames, ariaLabel, dimmed }: TableBodyProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const rowHeight = ROW_HEIGHT[density];
  const numericHeight = typeof height === 'number' ? height : 560;
  // Not built with the React Compiler, so the virtualizer's unmemoizable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: skeleton ? SKELETON_ROWS : rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    // Few rows beyond the view: every row drawn costs style, layout and paint on each sort and
    // scroll frame (8 made a sort 10 ms slower than 3).
    overscan: 3,
    // Rows are drawn on the server too (and in the first client render) for this box.
    initialRect: { width: 1200, height: numericHeight },
    scrollPaddingStart: HEADER_HEIGHT,
    // Rows are keyed by position (the default), not by release: after a sort or filter the rows
    // in view keep their elements and only their text and statuses change, where new rows cost
    // a sort about 15 ms more of style, layout and paint. Focus stays at its position too, as
    // the roving tab stop is a position.
  });
  // The row that takes Tab (roving tabindex); arrow keys move it.
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(0, rows.length - 1));
  const pendingFocus = useRef<number | null>(null);

  const items = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize();
  const paddingTop = items.length > 0 ? items[0]!.start : 0;
  const paddingBottom = items.length > 0 ? totalSize - items[items.length - 1]!.end : 0;

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const element = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  // The row the keys move from: the last one moved to, even before its element is drawn and
  // focused (keys pressed quickly, beyond the rows in the page, must not be lost).
  const lastMove = useRef<number | null>(null);
  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(rows.length - 1, index));
      lastMove.current = next;
      setActiveIndex(next);
      pendingFocus.current = next;
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [rows.length, virtualizer],
  );

  const pageRows = Math.max(1, Math.floor((numericHeight - HEADER_HEIGHT) / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (!row || row !== event.target) return;
    const index = Number(row.dataset.index);
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageRows, PageUp: -pageRows };
    if (event.key in step) {
      event.preventDefault();
      const from = pendingFocus.current !== null && lastMove.current !== null ? lastMove.current : index;
      moveTo(from + step[event.key]!);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveTo(event.key === 'Home' ? 0 : rows.length - 1);
    } else if (event.key === ' ' && selection) {
      // Selection mode: Space toggles the row, Shift+Space selects the range to it.
      event.preventDefault();
      const release = rows[index]?.release;
      if (release) selection.toggle(release.id, event.shiftKey);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const release = rows[index]?.release;
      if (release) onReleaseSelect?.(release);
    }
  };

  // Whether Shift was down at the last press (pointer or key) in the body: a checkbox's change
  // event does not always carry the modifiers of the click or key that caused it.
  const shift = useRef(false);
  const toggle = selection?.toggle;
  const onCheck = useCallback(
    (id: string, event: ChangeEvent<HTMLInputElement>) => {
      const range = (event.nativeEvent as globalThis.MouseEvent).shiftKey === true || shift.current;
      shift.current = false;
      toggle?.(id, range);
    },
    [toggle],
  );
  const noteShift = (event: { shiftKey: boolean }) => {
    shift.current = event.shiftKey;
  };

  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tr[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    setActiveIndex(index);
    // A link in the row does its own navigation; the selection checkbox (and its label) select.
    if (target.closest('a, button, input, select, label')) return;
    const release = rows[index]?.release;
    if (release) onReleaseSelect?.(release);
  };

  return (
    <div
      ref={scroller}
      className={cx('gr-releases-table__scroller', classNames?.scroller)}
      style={{ height }}
      data-dimmed={dimmed ? '' : undefined}
    >
      <table
        className={cx('gr-releases-table__table', classNames?.table)}
        aria-label={ariaLabel}
        aria-rowcount={skeleton ? -1 : rows.length + 1}
        style={{ minWidth: tableMinWidth(columns, selection ? SELECT_REM : 0) }}
        aria-busy={skeleton || undefined}
        data-selectable={selection ? '' : undefined}
      >
        <colgroup>
          {selection ? <col className="gr-releases-table__col" data-column="select" /> : null}
          {columns.map((column) => (
            <col key={column.id} className="gr-releases-table__col" data-column={column.kind === 'field' ? column.id : column.kind} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {selection ? (
              <th scope="col" className="gr-releases-table__th" data-column="select">
                <span className="gr-visually-hidden">{context.messages.selection.column}</span>
              </th>
            ) : null}
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sort={sort} onSort={onSort} onGroupExpandedChange={onGroupExpandedChange} text={context.messages} />
            ))}
          </tr>
        </thead>
        <tbody
          onKeyDown={(event) => {
            noteShift(event);
            onKeyDown(event);
          }}
          onPointerDown={noteShift}
          onClick={onClick}
        >
          {paddingTop > 0 ? <tr className="gr-releases-table__spacer" style={{ height: paddingTop }} aria-hidden="true" /> : null}
          {items.map((item) =>
            skeleton ? (
              <tr key={item.key} className="gr-releases-table__row" data-skeleton="" aria-hidden="true" style={{ height: rowHeight }}>
                {selection ? <td className="gr-releases-table__td" data-column="select" /> : null}
                {columns.map((column) => (
                  <td key={column.id} className="gr-releases-table__td">
                    <span className="gr-releases-table__skeleton" />
                  </td>
                ))}
              </tr>
            ) : (
              <Row
                key={item.key}
                row={rows[item.index]!}
                index={item.index}
                columns={columns}
                context={context}
                height={rowHeight}
                tabbable={item.index === active}
                selectable={!!onReleaseSelect}
                selected={selection ? selection.selected.has(rows[item.index]!.release.id) : undefined}
                onCheck={selection ? onCheck : undefined}
                className={classNames?.row}
              />
            ),
          )}
          {paddingBottom > 0 ? <tr className="gr-releases-table__spacer" style={{ height: paddingBottom }} aria-hidden="true" /> : null}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell({
  column,
  sort,
  onSort,
  onGroupExpandedChange,
  text,
}: {
  column: ReleaseColumn;
  sort: { key: ReleaseSortKey; desc: boolean };
  onSort: (key: ReleaseSortKey) => void;
  onGroupExpandedChange: (group: string, expanded: boolean) => void;
  text: CellContext['messages'];
}) {
  if (column.kind === 'environment') {
    return (
      <th scope="col" className="gr-releases-table__th" data-kind="environment" data-depth={column.groups?.length || undefined} title={column.environment}>
        <span className="gr-releases-table__truncate">{column.environment}</span>
      </th>
    );
  }
  if (column.kind === 'group') {
    // A disclosure: the button opens the group's columns after this one and closes them again.
    // Its name is the whole path (`wave-2/eu-west`), which holds the last level it shows.
    return (
      <th scope="col" className="gr-releases-table__th" data-kind="group" data-depth={column.depth || undefined} data-expanded={column.expanded ? '' : undefined}>
        <button
          type="button"
          className="gr-releases-table__group-toggle"
          aria-expanded={column.expanded}
          aria-label={column.group}
          title={column.expanded ? text.groups.collapse(column.group) : text.groups.expand(column.group)}
          onClick={() => onGroupExpandedChange(column.group, !column.expanded)}
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d={column.expanded ? 'M4 6l4 4 4-4' : 'M6 4l4 4-4 4'} fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <span className="gr-releases-table__truncate">{column.name}</span>
        </button>
      </th>
    );
  }
  const sorted = sort.key === column.sortKey;
  return (
    <th
      scope="col"
      className="gr-releases-table__th"
      data-column={column.id}
      aria-sort={sorted ? (sort.desc ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" className="gr-releases-table__sort" onClick={() => onSort(column.sortKey)} title={text.sortBy(text.columns[column.sortKey])}>
        <span className="gr-releases-table__truncate">{text.columns[column.id]}</span>
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" data-direction={sorted ? (sort.desc ? 'desc' : 'asc') : undefined}>
          {sorted ? <path d={sort.desc ? 'M4 6l4 4 4-4' : 'M4 10l4-4 4 4'} fill="none" stroke="currentColor" strokeWidth="1.6" /> : <path d="M5 6.5l3-3 3 3M5 9.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.3" />}
        </svg>
      </button>
    </th>
  );
}

interface RowProps {
  row: ReleaseRow;
  index: number;
  columns: readonly ReleaseColumn[];
  context: CellContext;
  height: number;
  tabbable: boolean;
  selectable: boolean;
  /** Selection mode: whether the row is selected; `undefined` outside it. */
  selected: boolean | undefined;
  onCheck: ((id: string, event: ChangeEvent<HTMLInputElement>) => void) | undefined;
  className: string | undefined;
}

const Row = /* @__PURE__ */ memo(function Row({ row, index, columns, context, height, tabbable, selectable, selected, onCheck, className }: RowProps) {
  const id = row.release.id;
  return (
    <tr
      className={cx('gr-releases-table__row', className)}
      data-index={index}
      data-status={row.status}
      data-selectable={selectable ? '' : undefined}
      data-selected={selected ? '' : undefined}
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      style={{ height }}
    >
      {selected !== undefined ? (
        <td className="gr-releases-table__td" data-column="select">
          {/* The label fills the cell: a click near the box selects, and never opens the release. */}
          <label className="gr-releases-table__select">
            <input
              type="checkbox"
              className="gr-releases-table__checkbox"
              checked={selected}
              // One Tab stop per table (the row's), as for the rows themselves.
              tabIndex={tabbable ? 0 : -1}
              aria-label={context.messages.selection.select([row.release.product, row.version ?? row.release.name ?? id].filter(Boolean).join(' '))}
              onChange={(event) => onCheck?.(id, event)}
            />
          </label>
        </td>
      ) : null}
      {columns.map((column) => (
        <td key={column.id} className="gr-releases-table__td" data-column={column.kind === 'field' ? column.id : column.kind}>
          {releaseCell(column, row, context)}
        </td>
      ))}
    </tr>
  );
});


/** Selection mode's bar: how many are selected (hidden ones too), Clear, and Compare. */
function SelectionBar({ selection, onCompare, text }: { selection: Selection; onCompare: ((older: Release, newer: Release) => void) | undefined; text: CellContext['messages']['selection'] }) {
  const formatNumber = useNumberFormatter();
  const hintId = useId();
  const { pair } = selection;
  return (
    <div className="gr-releases-table__selection" role="group" aria-label={text.label} data-count={selection.count}>
      <span className="gr-releases-table__count" role="status">
        {text.count(selection.count, selection.hidden, formatNumber)}
      </span>
      {selection.count > 0 ? (
        <button type="button" className="gr-releases-table__button" onClick={selection.clear}>
          {text.clear}
        </button>
      ) : null}
      {onCompare ? (
        <span className="gr-releases-table__compare">
          {pair ? null : (
            <span id={hintId} className="gr-releases-table__hint">
              {text.compareHint}
            </span>
          )}
          <button
            type="button"
            className="gr-releases-table__button"
            data-variant="primary"
            disabled={!pair}
            aria-describedby={pair ? undefined : hintId}
            onClick={() => {
              if (pair) onCompare(pair[0], pair[1]);
            }}
          >
            {text.compare}
          </button>
        </span>
      ) : null}
    </div>
  );
}
