import { useId, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { diffReleases, shortSha, type ApplicationSnapshot, type DiffChange, type Release, type ReleaseDiffResult } from 'gitops-releases/headless';
import { cx } from '../internal/cx';
import { StateMessage, describeError } from '../internal/StateMessage';
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
  /** Accessible name of the table. @default 'Changes between the two releases' */
  'aria-label'?: string;
  className?: string;
  style?: CSSProperties;
}

const CHANGE_LABEL: Record<DiffChange, string> = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' };

/** A value before and after, with an arrow when it changed. */
function Values({ before, after, changed, mono }: { before?: string; after?: string; changed: boolean; mono?: boolean }) {
  const className = cx('gr-release-diff__value', mono && 'gr-release-diff__mono');
  if (!changed || before === after) return <span className={className}>{after ?? before ?? '—'}</span>;
  return (
    <span className={className}>
      <del title={before}>{before ?? '—'}</del>
      <span aria-hidden="true"> → </span>
      <span className="gr-visually-hidden"> to </span>
      <ins title={after}>{after ?? '—'}</ins>
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
  if (error !== undefined) return root('error', <StateMessage kind="error" title="Could not load the releases to compare" detail={describeError(error)} />);
  if (loading) return root('loading', <StateMessage kind="loading" title="Comparing the releases" />);
  if (computed.error !== undefined) return root('error', <StateMessage kind="error" title="Could not compare the releases" detail={describeError(computed.error)} />);
  const diff = computed.diff;
  if (!diff || diff.entries.length === 0) return root('empty', <StateMessage kind="empty" title="Nothing to compare" detail="Neither release lists any application." />);

  const rows = showUnchanged ? diff.entries : diff.entries.filter((entry) => entry.change !== 'unchanged');
  const { counts } = diff;
  return root(
    'ready',
    <>
      <div className="gr-release-diff__toolbar">
        <p className="gr-release-diff__summary" id={`${id}-summary`}>
          {(['changed', 'added', 'removed', 'unchanged'] as const).map((change) => (
            <span key={change} className="gr-release-diff__tag" data-change={change}>
              {`${counts[change]} ${CHANGE_LABEL[change].toLowerCase()}`}
            </span>
          ))}
        </p>
        <label className="gr-release-diff__toggle">
          <input type="checkbox" checked={showUnchanged} onChange={(event) => setShowUnchanged(event.target.checked)} />
          Show unchanged
        </label>
      </div>
      {rows.length === 0 ? (
        <StateMessage kind="empty" title="No application changed" detail="Every application runs the same version, image and commit in both releases." />
      ) : (
        <div className="gr-release-diff__scroller">
          <table className="gr-release-diff__table" aria-label={props['aria-label'] ?? 'Changes between the two releases'} aria-describedby={`${id}-summary`}>
            <thead>
              <tr>
                <th scope="col">Environment</th>
                <th scope="col">Application</th>
                <th scope="col">Change</th>
                <th scope="col">Version</th>
                <th scope="col">Image</th>
                <th scope="col">Commit</th>
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
                      {CHANGE_LABEL[entry.change]}
                    </span>
                  </td>
                  <td>
                    <Values before={entry.before?.version} after={entry.after?.version} changed={moved || entry.fields.includes('version')} />
                  </td>
                  <td>
                    <Values before={image(entry.before)} after={image(entry.after)} changed={moved || entry.fields.includes('image')} mono />
                  </td>
                  <td>
                    <Values before={shortSha(entry.before?.commitSha)} after={shortSha(entry.after?.commitSha)} changed={moved || entry.fields.includes('commit')} mono />
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
