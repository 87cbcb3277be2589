import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ReleaseFilters, Status } from 'gitops-releases/headless';
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
          <label key={option.value} className="gr-releases-table__menu-option">
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
  environments: readonly string[];
  hiddenColumns: readonly string[] | undefined;
  filtered: boolean;
  onFiltersChange: (filters: Partial<ReleaseFilters>) => void;
  onClear: () => void;
  onColumnHiddenChange: (environment: string, hidden: boolean) => void;
  className?: string;
  /** The count of releases shown, announced politely as it changes. */
  summary: string;
}

export function FilterBar({
  filters,
  flows,
  environments,
  hiddenColumns,
  filtered,
  onFiltersChange,
  onClear,
  onColumnHiddenChange,
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
  // One environment at most, as the filter state holds; one a URL named that no release shown
  // went through is still listed, chosen.
  const chosenEnvironment = filters.environment?.trim() || undefined;
  const environmentOptions: Option[] = [
    { value: '', text: text.anyEnvironment, label: text.anyEnvironment },
    ...(chosenEnvironment && !environments.includes(chosenEnvironment) ? [...environments, chosenEnvironment] : environments).map((environment) => ({
      value: environment,
      text: environment,
      label: <span className="gr-releases-table__truncate">{environment}</span>,
    })),
  ];
  const hidden = new Set(hiddenColumns);
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
        selected={chosenEnvironment ? [chosenEnvironment] : []}
        onChange={(next) => onFiltersChange({ environment: next[0] })}
        summary={chosenEnvironment ?? text.selectedCount(0, formatNumber)}
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
      {environments.length > 0 ? (
        <FilterMenu
          label={text.columnsMenu}
          className="gr-releases-table__columns-menu"
          options={environments.map((environment) => ({ value: environment, text: environment, label: <span className="gr-releases-table__truncate">{environment}</span> }))}
          selected={environments.filter((environment) => !hidden.has(environment))}
          onChange={(next) => {
            const shown = new Set(next);
            for (const environment of environments) {
              if (shown.has(environment) === hidden.has(environment)) onColumnHiddenChange(environment, !shown.has(environment));
            }
          }}
          summary={text.columnsShown(environments.length - environments.filter((e) => hidden.has(e)).length, environments.length, formatNumber)}
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
