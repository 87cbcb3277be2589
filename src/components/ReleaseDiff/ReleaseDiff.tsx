import { forwardRef, useId, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { ApplicationSnapshot, DiffChange, Release, ReleaseDiffResult } from 'gitops-releases/headless';
import { diffReleases, shortSha } from '../../headless/internal';
import { cx } from '../internal/cx';
import { StateMessage, describeError } from '../internal/StateMessage';
import { useReportedError } from '../internal/report-error';
import { rootElementProps, type RootElementProps } from '../internal/root-props';
import { useNumberFormatter } from '../internal/time';
import { formatMessageParts } from '../internal/message-format';
import { useDiffMessages } from '../provider/component-messages';
import { useRootClassName, type ReleasesErrorHandler } from '../provider/ReleasesProvider';

/** Extra class names for the diff's parts. */
export interface ReleaseDiffClassNames {
  /** The outer `div.gr-release-diff`. @default undefined */
  root?: string;
  /** The `div.gr-release-diff__toolbar` above the table (summary and the unchanged toggle). @default undefined */
  toolbar?: string;
  /** The `table.gr-release-diff__table`. @default undefined */
  table?: string;
  /** Each `tr` of the table's body. @default undefined */
  row?: string;
}

export interface ReleaseDiffProps extends RootElementProps {
  /** The earlier release. @default undefined */
  previous?: Release;
  /** The later release. @default undefined */
  next?: Release;
  /** A diff computed by the host (`diffReleases`); wins over `previous` / `next`. @default undefined */
  diff?: ReleaseDiffResult;
  /**
   * Shows the applications that did not change too. Read at mount; the reader toggles it after.
   * @default false (a checkbox lets the reader show them)
   */
  defaultShowUnchanged?: boolean;
  /** The host is fetching the releases. @default false */
  loading?: boolean;
  /** The host could not fetch them: shown inline. @default undefined */
  error?: unknown;
  /**
   * Called when `previous` or `next` cannot be compared (a `ReleaseDataError` naming the path),
   * after the error is shown inline. Takes the place of the provider's `onError`.
   * @default the nearest `ReleasesProvider`'s `onError`
   */
  onError?: ReleasesErrorHandler;
  /** Accessible name of the table. @default `messages.diff.tableLabel` ('Changes between the two releases') */
  'aria-label'?: string;
  /** Extra class names for the root. @default undefined */
  className?: string;
  /** Inline styles for the root. @default undefined */
  style?: CSSProperties;
  /** Extra class names per part: `{ root, toolbar, table, row }`. @default undefined */
  classNames?: ReleaseDiffClassNames;
}

const CHANGES: readonly DiffChange[] = ['changed', 'added', 'removed', 'unchanged'];

/** A value before and after, with an arrow when it changed. */
function Values({ before, after, changed, mono, to }: { before?: string; after?: string; changed: boolean; mono?: boolean; to: string }) {
  const className = cx('gr-release-diff__value', mono && 'gr-release-diff__mono');
  if (!changed || before === after) return <span className={className}>{after ?? before ?? '—'}</span>;
  return (
    <span className={className}>
      {formatMessageParts(
        to,
        {
          before: <del title={before}>{before ?? '—'}</del>,
          // The arrow is what the eye reads between the values; a screen reader reads the sentence.
          after: (
            <>
              <span aria-hidden="true"> → </span>
              <ins title={after}>{after ?? '—'}</ins>
            </>
          ),
        },
        (words) => <span className="gr-visually-hidden">{words}</span>,
      )}
    </span>
  );
}

const image = (snapshot: ApplicationSnapshot | undefined) => snapshot?.imageTag ?? snapshot?.image;

/**
 * What changed between two releases, per environment and application: version, image tag and
 * commit, each row tagged added, removed, changed or unchanged (with text, not colour alone).
 */
export const ReleaseDiff = /* @__PURE__ */ forwardRef<HTMLDivElement, ReleaseDiffProps>(function ReleaseDiff(props, ref) {
  const rootClassName = useRootClassName();
  const {
    previous,
    next,
    diff: _diff,
    defaultShowUnchanged: _defaultShowUnchanged,
    loading = false,
    error,
    onError,
    'aria-label': _ariaLabel,
    className,
    style,
    classNames,
    ...rest
  } = props;
  const [showUnchanged, setShowUnchanged] = useState(props.defaultShowUnchanged ?? false);
  const { text } = useDiffMessages();
  const formatNumber = useNumberFormatter();
  const id = useId();
  const computed = useMemo(() => {
    if (props.diff) return { diff: props.diff, error: undefined };
    if (!previous || !next) return { diff: undefined, error: undefined };
    try {
      return { diff: diffReleases(previous, next), error: undefined };
    } catch (caught) {
      return { diff: undefined, error: caught };
    }
  }, [props.diff, previous, next]);
  useReportedError('ReleaseDiff', computed.error, onError);

  const root = (state: string, children: ReactNode) => (
    <div
      {...rootElementProps(rest)}
      ref={ref}
      className={cx(rootClassName, 'gr-release-diff', className, classNames?.root)}
      style={style}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      {children}
    </div>
  );
  if (error !== undefined) return root('error', <StateMessage kind="error" title={text.loadError} detail={describeError(error)} />);
  if (loading) return root('loading', <StateMessage kind="loading" title={text.loading} />);
  if (computed.error !== undefined) return root('error', <StateMessage kind="error" title={text.error} detail={describeError(computed.error)} />);
  const diff = computed.diff;
  if (!diff || diff.entries.length === 0) return root('empty', <StateMessage kind="empty" title={text.empty} detail={text.emptyDetail} />);

  const rows = showUnchanged ? diff.entries : diff.entries.filter((entry) => entry.change !== 'unchanged');
  const { counts } = diff;
  return root(
    'ready',
    <>
      <div className={cx('gr-release-diff__toolbar', classNames?.toolbar)}>
        <p className="gr-release-diff__summary" id={`${id}-summary`}>
          {CHANGES.map((change) => (
            <span key={change} className="gr-release-diff__tag" data-change={change}>
              {text.summary(counts[change], change, formatNumber)}
            </span>
          ))}
        </p>
        <label className="gr-release-diff__toggle">
          <input type="checkbox" checked={showUnchanged} onChange={(event) => setShowUnchanged(event.target.checked)} />
          {text.showUnchanged}
        </label>
      </div>
      {rows.length === 0 ? (
        <StateMessage kind="empty" title={text.noChange} detail={text.noChangeDetail} />
      ) : (
        // Focusable, so a keyboard can scroll a table wider than its box (long names).
        <div className="gr-release-diff__scroller" tabIndex={0} role="region" aria-label={props['aria-label'] ?? text.tableLabel}>
          <table className={cx('gr-release-diff__table', classNames?.table)} aria-label={props['aria-label'] ?? text.tableLabel} aria-describedby={`${id}-summary`}>
            <thead>
              <tr>
                <th scope="col">{text.columns.environment}</th>
                <th scope="col">{text.columns.application}</th>
                <th scope="col">{text.columns.change}</th>
                <th scope="col">{text.columns.version}</th>
                <th scope="col">{text.columns.image}</th>
                <th scope="col">{text.columns.commit}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => {
                // Added or removed: every value went from nothing, or to nothing.
                const moved = entry.change === 'added' || entry.change === 'removed';
                return (
                <tr key={JSON.stringify([entry.environment, entry.application])} className={classNames?.row} data-change={entry.change}>
                  <td>{entry.environment}</td>
                  <td>{entry.application}</td>
                  <td>
                    <span className="gr-release-diff__tag" data-change={entry.change}>
                      {text.changes[entry.change] ?? entry.change}
                    </span>
                  </td>
                  <td>
                    <Values before={entry.before?.version} after={entry.after?.version} changed={moved || entry.fields.includes('version')} to={text.change} />
                  </td>
                  <td>
                    <Values before={image(entry.before)} after={image(entry.after)} changed={moved || entry.fields.includes('image')} mono to={text.change} />
                  </td>
                  <td>
                    <Values before={shortSha(entry.before?.commitSha)} after={shortSha(entry.after?.commitSha)} changed={moved || entry.fields.includes('commit')} mono to={text.change} />
                  </td>
                </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
});
