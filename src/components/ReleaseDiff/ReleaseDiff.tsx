import { useId, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { diffReleases, shortSha, type ApplicationSnapshot, type DiffChange, type Release, type ReleaseDiffResult } from 'gitops-releases/headless';
import { cx } from '../internal/cx';
import { StateMessage, describeError } from '../internal/StateMessage';
import { useNumberFormatter } from '../internal/time';
import { formatMessageParts } from '../internal/message-format';
import { useDiffMessages } from '../provider/component-messages';
import { useRootClassName } from '../provider/ReleasesProvider';

export interface ReleaseDiffProps {
  /** The earlier release. */
  previous?: Release;
  /** The later release. */
  next?: Release;
  /** A diff computed by the host (`diffReleases`); wins over `previous` / `next`. */
  diff?: ReleaseDiffResult;
  /**
   * Shows the applications that did not change too.
   * @default false (a checkbox lets the reader show them)
   */
  defaultShowUnchanged?: boolean;
  /** The host is fetching the releases. @default false */
  loading?: boolean;
  /** The host could not fetch them: shown inline. */
  error?: unknown;
  /** Accessible name of the table. @default `messages.diff.tableLabel` ('Changes between the two releases') */
  'aria-label'?: string;
  className?: string;
  style?: CSSProperties;
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
export function ReleaseDiff(props: ReleaseDiffProps) {
  const rootClassName = useRootClassName();
  const { previous, next, loading = false, error, className, style } = props;
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

  const root = (state: string, children: ReactNode) => (
    <div className={cx(rootClassName, 'gr-release-diff', className)} style={style} data-state={state} aria-busy={state === 'loading' || undefined}>
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
      <div className="gr-release-diff__toolbar">
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
        <div className="gr-release-diff__scroller">
          <table className="gr-release-diff__table" aria-label={props['aria-label'] ?? text.tableLabel} aria-describedby={`${id}-summary`}>
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
                <tr key={`${entry.environment}\n${entry.application}`} data-change={entry.change}>
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
}
