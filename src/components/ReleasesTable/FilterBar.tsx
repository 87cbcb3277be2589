import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ReleaseColumn, ReleaseFilters, Status } from 'gitops-releases/headless';
import { MANUAL_FLOW, STATUSES, validDay } from '../../headless/internal';
import { cx } from '../internal/cx';
import { useNumberFormatter } from '../internal/time';
import { useStatusMessages, useTableMessages } from '../provider/component-messages';
import { StatusBadge } from '../StatusBadge';

interface Option {
  value: string;
  label: ReactNode;
  /** Text of the option for the button's summary (when `label` is not text). */
  text: string;
  /** How deep in expanded groups it is listed (indented). */
  depth?: number;
}

/**
 * A button that opens a list of checkboxes (a disclosure, not a listbox: every option is a plain
 * checkbox a screen reader knows), or of radio buttons with `single` (one value at most, the
 * first option standing for none). Escape or a click outside closes it and gives focus back.
 */
export function FilterMenu({
  label,
  options,
  selected,
  onChange,
  className,
  summary,
  single = false,
}: {
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  className?: string;
  /** The button's value text (the chosen option, or how many are checked). */
  summary: string;
  /**
   * Radio buttons instead of checkboxes: choosing one replaces the others (the arrow keys move
   * between them, as in any radio group). An option of value `''` chooses none.
   */
  single?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent | FocusEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('focusin', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('focusin', close);
    };
  }, [open]);
  const chosen = new Set(selected);
  return (
    <div
      ref={root}
      className={cx('gr-releases-table__menu', className)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <span className="gr-releases-table__field-label" id={`${id}-label`}>
        {label}
      </span>
      <button
        ref={button}
        type="button"
        className="gr-releases-table__menu-button"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-labelledby={`${id}-label ${id}-value`}
        onClick={() => setOpen((value) => !value)}
      >
        <span id={`${id}-value`} className="gr-releases-table__menu-value">
          {summary}
        </span>
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <div
        id={`${id}-list`}
        className="gr-releases-table__menu-list"
        role={single ? 'radiogroup' : 'group'}
        aria-labelledby={`${id}-label`}
        hidden={!open}
      >
        {options.map((option) => (
          <label key={option.value} className="gr-releases-table__menu-option" data-depth={option.depth || undefined}>
            {single ? (
              <input
                type="radio"
                name={`${id}-choice`}
                value={option.value}
                checked={option.value === '' ? selected.length === 0 : chosen.has(option.value)}
                onChange={() => onChange(option.value === '' ? [] : [option.value])}
              />
            ) : (
              <input
                type="checkbox"
                checked={chosen.has(option.value)}
                onChange={(event) => onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))}
              />
            )}
            {option.label}
          </label>
        ))}
      </div>
    </div>
  );
}

export interface FilterBarProps {
  filters: ReleaseFilters;
  flows: readonly string[];
  /**
   * The environment and group columns of every release, hidden ones too (`useReleasesTable`'s
   * `environmentColumns`): the choices of the Environment filter and the Columns menu.
   */
  columns: readonly ReleaseColumn[];
  hiddenColumns: readonly string[] | undefined;
  hiddenGroups: readonly string[] | undefined;
  filtered: boolean;
  onFiltersChange: (filters: Partial<ReleaseFilters>) => void;
  onClear: () => void;
  onColumnHiddenChange: (environment: string, hidden: boolean) => void;
  onGroupHiddenChange: (group: string, hidden: boolean) => void;
  className?: string;
  /** The count of releases shown, announced politely as it changes. */
  summary: string;
}

// A menu's values name an environment or a group, which may have the same name: each is marked.
const ENVIRONMENT = 'e:';
const GROUP = 'g:';

export function FilterBar({
  filters,
  flows,
  columns,
  hiddenColumns,
  hiddenGroups,
  filtered,
  onFiltersChange,
  onClear,
  onColumnHiddenChange,
  onGroupHiddenChange,
  className,
  summary,
}: FilterBarProps) {
  const messages = useStatusMessages();
  const { text, common } = useTableMessages();
  const formatNumber = useNumberFormatter();
  const id = useId();
  const statusOptions = STATUSES.map((status: Status) => ({
    value: status,
    text: messages.status[status],
    label: <StatusBadge status={status} size="sm" />,
  }));
  const flowOptions = flows.map((flow) => {
    const text = flow === MANUAL_FLOW ? common.manual : flow;
    return { value: flow, text, label: <span className="gr-releases-table__truncate">{text}</span> };
  });
  // Environments and groups as the columns show them (an expanded group's members listed after
  // it, indented), each an option of both menus.
  const units: Array<Option & { within: readonly string[] }> = columns.flatMap((column) => {
    if (column.kind === 'field') return [];
    const within = column.groups ?? [];
    const name = column.kind === 'group' ? text.groups.option(column.group) : column.environment;
    const value = column.kind === 'group' ? GROUP + column.group : ENVIRONMENT + column.environment;
    return [{ value, text: name, depth: within.length, within, label: <span className="gr-releases-table__truncate">{name}</span> }];
  });
  // One environment or group at most, as the filter state holds; one a URL named that no release
  // shown went through is still listed, chosen.
  const chosenEnvironment = filters.environment?.trim() || undefined;
  const chosenGroup = filters.group?.trim() || undefined;
  const chosen = chosenGroup !== undefined ? GROUP + chosenGroup : chosenEnvironment !== undefined ? ENVIRONMENT + chosenEnvironment : undefined;
  const chosenText = chosenGroup !== undefined ? text.groups.option(chosenGroup) : chosenEnvironment;
  const environmentOptions: Option[] = [
    { value: '', text: text.anyEnvironment, label: text.anyEnvironment },
    ...units,
    ...(chosen !== undefined && !units.some((option) => option.value === chosen)
      ? [{ value: chosen, text: chosenText!, label: <span className="gr-releases-table__truncate">{chosenText}</span> }]
      : []),
  ];
  const hiddenEnvironments = new Set(hiddenColumns);
  const hiddenGroupSet = new Set(hiddenGroups);
  const isHidden = (value: string) => (value.startsWith(GROUP) ? hiddenGroupSet.has(value.slice(GROUP.length)) : hiddenEnvironments.has(value.slice(ENVIRONMENT.length)));
  // The Columns menu: every environment and group, but not what a hidden group holds.
  const columnOptions = units.filter((option) => !option.within.some((group) => hiddenGroupSet.has(group)));
  const chosenFlows = (filters.flows ?? []).map((flow) => (flow === MANUAL_FLOW ? common.manual : flow));
  return (
    <div className={cx('gr-releases-table__filters', className)} role="search" aria-label={text.filters}>
      <div className="gr-releases-table__field gr-releases-table__field--search">
        <label htmlFor={`${id}-q`} className="gr-releases-table__field-label">
          {text.search}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className="gr-releases-table__input"
          placeholder={text.searchPlaceholder}
          value={filters.query ?? ''}
          onChange={(event) => onFiltersChange({ query: event.target.value })}
        />
      </div>
      <FilterMenu
        label={text.statusFilter}
        options={statusOptions}
        selected={filters.statuses ?? []}
        onChange={(next) => onFiltersChange({ statuses: next as Status[] })}
        summary={
          filters.statuses?.length === 1 ? messages.status[filters.statuses[0]!] : text.selectedCount(filters.statuses?.length ?? 0, formatNumber)
        }
      />
      <FilterMenu
        label={text.flowFilter}
        options={flowOptions}
        selected={filters.flows ?? []}
        onChange={(next) => onFiltersChange({ flows: next })}
        summary={
          chosenFlows.length === 1
            ? chosenFlows[0]!
            : text.selectedCount(flowOptions.filter((option) => filters.flows?.includes(option.value)).length, formatNumber)
        }
      />
      <FilterMenu
        label={text.environmentFilter}
        single
        options={environmentOptions}
        selected={chosen !== undefined ? [chosen] : []}
        onChange={(next) => {
          const value = next[0] ?? '';
          onFiltersChange({
            environment: value.startsWith(ENVIRONMENT) ? value.slice(ENVIRONMENT.length) : undefined,
            group: value.startsWith(GROUP) ? value.slice(GROUP.length) : undefined,
          });
        }}
        summary={chosenText ?? text.selectedCount(0, formatNumber)}
      />
      <div className="gr-releases-table__field">
        <label htmlFor={`${id}-from`} className="gr-releases-table__field-label">
          {text.from}
        </label>
        <input
          id={`${id}-from`}
          type="date"
          className="gr-releases-table__input"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => onFiltersChange({ from: validDay(event.target.value) })}
        />
      </div>
      <div className="gr-releases-table__field">
        <label htmlFor={`${id}-to`} className="gr-releases-table__field-label">
          {text.to}
        </label>
        <input
          id={`${id}-to`}
          type="date"
          className="gr-releases-table__input"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => onFiltersChange({ to: validDay(event.target.value) })}
        />
      </div>
      {columnOptions.length > 0 ? (
        <FilterMenu
          label={text.columnsMenu}
          className="gr-releases-table__columns-menu"
          options={columnOptions}
          selected={columnOptions.filter((option) => !isHidden(option.value)).map((option) => option.value)}
          onChange={(next) => {
            const shown = new Set(next);
            for (const { value } of columnOptions) {
              if (shown.has(value) !== isHidden(value)) continue;
              if (value.startsWith(GROUP)) onGroupHiddenChange(value.slice(GROUP.length), !shown.has(value));
              else onColumnHiddenChange(value.slice(ENVIRONMENT.length), !shown.has(value));
            }
          }}
          summary={text.columnsShown(columnOptions.filter((option) => !isHidden(option.value)).length, columnOptions.length, formatNumber)}
        />
      ) : null}
      <div className="gr-releases-table__filters-end">
        <span className="gr-releases-table__count" role="status">
          {summary}
        </span>
        {filtered ? (
          <button type="button" className="gr-releases-table__button" onClick={onClear}>
            {text.clearFilters}
          </button>
        ) : null}
      </div>
    </div>
  );
}
