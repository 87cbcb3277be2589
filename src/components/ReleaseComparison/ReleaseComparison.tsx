import { forwardRef, useId, useMemo, type CSSProperties, type ReactNode } from 'react';
import type { CompiledReleaseNotes, EnvironmentComparison, EnvironmentSnapshot, IssueKeyResolver, Release, ReleaseComparisonResult } from 'gitops-releases/headless';
import { compareReleases, shortSha } from '../../headless/internal';
import { cx } from '../internal/cx';
import { FormattedTime } from '../internal/FormattedTime';
import { Link } from '../internal/Link';
import { formatMessageParts } from '../internal/message-format';
import { useReportedError } from '../internal/report-error';
import { rootElementProps, type RootElementProps } from '../internal/root-props';
import { StateMessage, describeError } from '../internal/StateMessage';
import { useNumberFormatter } from '../internal/time';
import { useComparisonMessages, useDiffMessages } from '../provider/component-messages';
import type { ComparisonMessages } from '../provider/messages';
import { useRootClassName, type ReleasesErrorHandler } from '../provider/ReleasesProvider';
import { ReleaseDiff } from '../ReleaseDiff';
import { ReleaseNotes } from '../ReleaseNotes';
import { StatusBadge } from '../StatusBadge';

/** Extra class names for the comparison's parts. */
export interface ReleaseComparisonClassNames {
  /** The outer `div.gr-release-comparison`. @default undefined */
  root?: string;
  /** The `header.gr-release-comparison__header` naming both releases. @default undefined */
  header?: string;
  /** Each `section.gr-release-comparison__section` (environments, applications, changes). @default undefined */
  section?: string;
}

/** ReleaseComparison's props: the two releases (or a comparison), the history, and the usual states. */
export interface ReleaseComparisonProps extends RootElementProps {
  /**
   * One of the two releases, normally the older. The two are ordered by `createdAt` whichever
   * prop holds which, so the comparison always reads older → newer.
   * @default undefined (nothing to compare)
   */
  older?: Release;
  /** The other release, normally the newer (see `older`). @default undefined (nothing to compare) */
  newer?: Release;
  /**
   * The product's history: the notes of the releases created between the two are listed with
   * the newer's, so nothing promoted in between is missed (`compareReleases`'s `releases`).
   * @default undefined (the newer release's notes only)
   */
  releases?: readonly Release[];
  /** A comparison computed by the host (`compareReleases`); wins over `older` / `newer`. @default undefined */
  comparison?: ReleaseComparisonResult;
  /** Resolvers that turn issue keys in titles into links, e.g. `[jiraKeys('https://acme.atlassian.net')]`. @default undefined (no links) */
  issueKeys?: readonly IssueKeyResolver[];
  /** Each release's own page, to make its name in the header a link. @default undefined (no links) */
  getReleaseHref?: (release: Release) => string | undefined;
  /** The host is fetching the releases. @default false */
  loading?: boolean;
  /** The host could not fetch them: shown inline. @default undefined */
  error?: unknown;
  /**
   * Called when the releases cannot be compared (a `ReleaseDataError` naming the path), after the
   * error is shown inline. Takes the place of the provider's `onError`.
   * @default the nearest `ReleasesProvider`'s `onError`
   */
  onError?: ReleasesErrorHandler;
  /** Level of the title's heading (2 to 5); the sections' headings are one level below. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Extra class names for the root. @default undefined */
  className?: string;
  /** Inline styles for the root. @default undefined */
  style?: CSSProperties;
  /** Extra class names per part: `{ root, header, section }`. @default undefined */
  classNames?: ReleaseComparisonClassNames;
}

/** A release as the reader knows it: product and version. */
const nameOf = (release: Release, text: ComparisonMessages) =>
  [release.product, release.version].filter((part) => typeof part === 'string' && part !== '').join(' ') || release.name || text.unnamed;

/**
 * Two releases of a product side by side, older → newer: each environment's status and versions
 * before and after, every application's change (`ReleaseDiff`), and the commits, pull requests
 * and issues the newer release brings that the older one did not (with `releases`, also those
 * of the releases in between): what a promotion from one to the other changes.
 */
export const ReleaseComparison = /* @__PURE__ */ forwardRef<HTMLDivElement, ReleaseComparisonProps>(function ReleaseComparison(props, ref) {
  const rootClassName = useRootClassName();
  const {
    older: _older,
    newer: _newer,
    releases,
    comparison: _comparison,
    issueKeys,
    getReleaseHref,
    loading = false,
    error,
    onError,
    headingLevel = 2,
    className,
    style,
    classNames,
    ...rest
  } = props;
  const { text } = useComparisonMessages();
  const formatNumber = useNumberFormatter();
  const ids = useId();
  const computed = useMemo(() => {
    if (props.comparison) return { comparison: props.comparison, error: undefined };
    if (!props.older || !props.newer) return { comparison: undefined, error: undefined };
    try {
      return { comparison: compareReleases(props.older, props.newer, { releases, issueKeys }), error: undefined };
    } catch (caught) {
      return { comparison: undefined, error: caught };
    }
  }, [props.comparison, props.older, props.newer, releases, issueKeys]);
  useReportedError('ReleaseComparison', computed.error, onError);

  const level = Math.min(5, Math.max(2, headingLevel));
  const Title = `h${level}` as 'h2';
  const root = (state: string, children: ReactNode) => (
    <div
      {...rootElementProps(rest)}
      ref={ref}
      className={cx(rootClassName, 'gr-release-comparison', classNames?.root, className)}
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
  const comparison = computed.comparison;
  if (!comparison) return root('empty', <StateMessage kind="empty" title={text.empty} detail={text.emptyDetail} />);

  const { older, newer } = comparison;
  const header = (
    <header className={cx('gr-release-comparison__header', classNames?.header)}>
      <Title className="gr-release-comparison__title">
        {/* One release twice is named once. */}
        {comparison.same
          ? nameOf(older, text)
          : formatMessageParts(text.title, {
              older: <span className="gr-release-comparison__name">{nameOf(older, text)}</span>,
              newer: <span className="gr-release-comparison__name">{nameOf(newer, text)}</span>,
            })}
      </Title>
      {comparison.same ? null : (
        <div className="gr-release-comparison__releases">
          <ReleaseCard release={older} side="older" text={text} href={getReleaseHref?.(older)} />
          <svg className="gr-release-comparison__arrow" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M2 8h11M9 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <ReleaseCard release={newer} side="newer" text={text} href={getReleaseHref?.(newer)} />
        </div>
      )}
    </header>
  );
  if (comparison.same) {
    return root(
      'same',
      <>
        {header}
        <StateMessage kind="empty" title={text.same} detail={text.sameDetail} />
      </>,
    );
  }

  // Images show in the applications' diff (their tags); the notes list what people changed.
  const notes = withoutImages(comparison.notes);
  const environmentsChanged = comparison.environments.some((environment) => environment.change !== 'unchanged');
  const nothing = !environmentsChanged && notes.counts.total === 0;
  const Heading = `h${level + 1}` as 'h3';
  const section = (id: string, title: ReactNode, children: ReactNode) => (
    <section className={cx('gr-release-comparison__section', classNames?.section)} data-section={id} aria-labelledby={`${ids}-${id}`}>
      <Heading className="gr-release-comparison__heading" id={`${ids}-${id}`}>
        {title}
      </Heading>
      {children}
    </section>
  );
  const between = comparison.releases.length - 1;
  return root(
    nothing ? 'unchanged' : 'ready',
    <>
      {header}
      {nothing ? <StateMessage kind="empty" title={text.nothingChanged} detail={text.nothingChangedDetail} /> : null}
      {section('environments', text.environments, <Environments environments={comparison.environments} text={text} />)}
      {section('applications', text.applications, <ReleaseDiff diff={comparison.diff} />)}
      {section(
        'changes',
        text.changes(notes.counts.total, formatNumber),
        <>
          <p className="gr-release-comparison__detail">
            {formatMessageParts(text.changesDetail(between, formatNumber), { older: nameOf(older, text), newer: nameOf(newer, text) })}
          </p>
          {notes.counts.total === 0 ? (
            <StateMessage kind="empty" title={text.noChanges} detail={text.noChangesDetail} />
          ) : (
            <ReleaseNotes notes={notes} headingLevel={(level + 2) as 4} title={`${nameOf(older, text)} → ${nameOf(newer, text)}`} />
          )}
        </>,
      )}
    </>,
  );
});

/** The notes without their images (each image's tag shows in the applications' diff). */
function withoutImages(notes: CompiledReleaseNotes): CompiledReleaseNotes {
  if (notes.images.length === 0) return notes;
  const { counts } = notes;
  return {
    ...notes,
    images: [],
    counts: { ...counts, images: 0, total: counts.issues + counts.pullRequests + counts.commits },
    ...(notes.groups && {
      groups: notes.groups.map((group) => ({ ...group, items: group.items.filter((item) => item.kind !== 'image') })).filter((group) => group.items.length > 0),
    }),
  };
}

/** One release in the header: which side it is, its name (a link with `href`), status, creation time and commit. */
function ReleaseCard({ release, side, text, href }: { release: Release; side: 'older' | 'newer'; text: ComparisonMessages; href: string | undefined }) {
  const name = nameOf(release, text);
  const sha = shortSha(release.trigger?.commit?.sha);
  return (
    <div className="gr-release-comparison__release" data-side={side}>
      <span className="gr-release-comparison__side">{side === 'older' ? text.older : text.newer}</span>
      <span className="gr-release-comparison__release-name" title={name}>
        {href ? (
          <Link href={href} external={false}>
            {name}
          </Link>
        ) : (
          name
        )}
      </span>
      <span className="gr-release-comparison__meta">
        <StatusBadge status={release.status} size="sm" />
        {release.createdAt ? (
          <span>
            {text.created} <FormattedTime iso={release.createdAt} />
          </span>
        ) : null}
        {sha ? <code className="gr-release-comparison__sha" title={release.trigger?.commit?.sha}>{sha}</code> : null}
      </span>
    </div>
  );
}

/** A side of an environment: its status and its applications' versions. */
function Side({ snapshot }: { snapshot: EnvironmentSnapshot | undefined }) {
  if (!snapshot) return <span className="gr-release-comparison__none">—</span>;
  const versions = snapshot.versions.join(', ');
  return (
    <span className="gr-release-comparison__side-value">
      <StatusBadge status={snapshot.status} size="sm" />
      {versions ? (
        <span className="gr-release-comparison__versions" title={versions}>
          {versions}
        </span>
      ) : null}
    </span>
  );
}

/** Every environment of either release: status and versions before and after, and the change. */
function Environments({ environments, text }: { environments: readonly EnvironmentComparison[]; text: ComparisonMessages }) {
  const diff = useDiffMessages().text;
  return (
    // Focusable, so a keyboard can scroll a table wider than its box (long names).
    <div className="gr-release-comparison__scroller" tabIndex={0} role="region" aria-label={text.environmentsLabel}>
      <table className="gr-release-comparison__table" aria-label={text.environmentsLabel}>
        <thead>
          <tr>
            <th scope="col">{text.columns.environment}</th>
            <th scope="col">{text.columns.before}</th>
            <th scope="col">{text.columns.after}</th>
            <th scope="col">{text.columns.change}</th>
          </tr>
        </thead>
        <tbody>
          {environments.map((environment) => (
            <tr key={environment.name} data-change={environment.change}>
              <th scope="row" className="gr-release-comparison__environment" title={environment.name}>
                {environment.name}
              </th>
              <td>
                <Side snapshot={environment.before} />
              </td>
              <td data-changed={environment.statusChanged || environment.versionChanged ? '' : undefined}>
                <Side snapshot={environment.after} />
              </td>
              <td>
                <span className="gr-release-diff__tag" data-change={environment.change}>
                  {diff.changes[environment.change] ?? environment.change}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
