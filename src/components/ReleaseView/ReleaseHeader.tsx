import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import type { Release, StatusGroup } from 'gitops-releases/headless';
import { countByStatusGroup, durationMs, isTerminalStatus, parseTime, shortSha } from '../../headless/internal';
import { cx } from '../internal/cx';
import { Link } from '../internal/Link';
import { formatMessageParts } from '../internal/message-format';
import { FormattedTime } from '../internal/FormattedTime';
import { useDurationFormatter, useNumberFormatter } from '../internal/time';
import { useStatusMessages, useViewMessages } from '../provider/component-messages';
import { useRootClassName } from '../provider/ReleasesProvider';
import { StatusBadge } from '../StatusBadge';
import { environmentsOf, isUnderway, useReleaseNow } from './clock';

/** Extra class names for the header's parts. */
export interface ReleaseHeaderClassNames {
  /** The outer `div.gr-release-header`. @default undefined */
  root?: string;
  /** The heading with product, flow and version (`.gr-release-header__title`). @default undefined */
  title?: string;
  /** The commit message and its toggle (`.gr-release-header__message`). @default undefined */
  message?: string;
  /** The "git commit by … in … on …" line (`.gr-release-header__commit`). @default undefined */
  commit?: string;
  /** Initiator, creation time and duration (`dl.gr-release-header__meta`). @default undefined */
  meta?: string;
  /** The release's status badge (`.gr-release-header__status`). @default undefined */
  status?: string;
  /** The list of environment counters (`ul.gr-release-header__counters`). @default undefined */
  counters?: string;
}

/** Builds a host URL for part of a release; `undefined` leaves that part as plain text. */
export type ReleaseHrefGetter = (release: Release) => string | undefined;

export interface ReleaseHeaderProps {
  /** The release to describe. */
  release: Release;
  /**
   * The product's page in the host: a path of the host's router (`/products/checkout`) or an http(s) URL; anything else is not linked.
   * @default undefined (the product name is plain text)
   */
  getProductHref?: ReleaseHrefGetter;
  /**
   * The promotion flow's page in the host, from the flow's name: a router path or an http(s)
   * URL, like `getProductHref` (the same function as ReleasesTable's `getFlowHref`).
   * @default undefined (the flow name is plain text)
   */
  getFlowHref?: (flow: string, release: Release) => string | undefined;
  /**
   * URL of the commit that triggered the release.
   * @default undefined (falls back to `release.trigger.commit.url`)
   */
  getCommitHref?: ReleaseHrefGetter;
  /**
   * Level of the heading that names the release (product, flow, version), to fit the host page's outline.
   * @default 2
   */
  headingLevel?: 1 | 2 | 3 | 4;
  /**
   * Show the counters of environments per status group.
   * @default true
   */
  showCounters?: boolean;
  /**
   * Extra class names for the root.
   * @default undefined
   */
  className?: string;
  /**
   * Inline styles for the root.
   * @default undefined
   */
  style?: CSSProperties;
  /**
   * Extra class names per part.
   * @default undefined
   */
  classNames?: ReleaseHeaderClassNames;
}

/** Counters always shown, then the two shown only when some environment is in them. */
const ALWAYS: readonly StatusGroup[] = ['succeeded', 'running', 'failed', 'pending'];
const WHEN_ANY: readonly StatusGroup[] = ['terminated', 'skipped'];

/** A commit subject longer than this gets "Show more" even before it is measured. */
const LONG_SUBJECT = 100;

/** `https://github.com/acme/app.git` → `acme/app`: how Git hosts name a repository. */
function repoName(repoUrl: string): string {
  try {
    const path = new URL(repoUrl).pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
    return path || repoUrl;
  } catch {
    return repoUrl;
  }
}

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/**
 * The top of a release view: product, flow, version and commit; the commit message (one line,
 * "Show more" for the rest); who started it, when, and for how long; the release's status; and
 * how many environments are in each status group. Usable on its own.
 *
 * Renders `div.gr-release-header[data-status]`.
 */
export function ReleaseHeader({
  release,
  getProductHref,
  getFlowHref,
  getCommitHref,
  headingLevel = 2,
  showCounters = true,
  className,
  style,
  classNames,
}: ReleaseHeaderProps) {
  const rootClassName = useRootClassName();
  const labels = useStatusMessages();
  const { text: view, common } = useViewMessages();
  const text = view.header;
  const formatDuration = useDurationFormatter();
  const formatNumber = useNumberFormatter();
  const underway = isUnderway(release.status);
  const now = useReleaseNow(release, underway);

  const environments = environmentsOf(release);
  const commit = release.trigger?.commit;
  const sha = shortSha(textOf(commit?.sha));
  const commitHref = getCommitHref?.(release) ?? commit?.url;
  const product = textOf(release.product) ?? text.unknownProduct;
  // The host's link needs the flow's own name; an unnamed flow has none to link by.
  const flowKey = release.flow ? textOf(release.flow.name) : undefined;
  const flowName = release.flow ? (textOf(release.flow.name) ?? text.unnamedFlow) : common.manual;
  const version = textOf(release.version);
  const Heading = `h${[1, 2, 3, 4].includes(headingLevel) ? headingLevel : 2}` as 'h2';

  const created = parseTime(release.createdAt) !== undefined;
  const started = release.status !== 'queued' && release.status !== 'pending';
  // A finished release without finishedAt ends at its last update, not at "now".
  const end = release.finishedAt ?? (isTerminalStatus(release.status) ? release.updatedAt : undefined);
  const elapsed = started ? durationMs(release.createdAt, end, now) : undefined;

  const waitingForPullRequest =
    release.status === 'suspended' &&
    environments.some((environment) => environment.status === 'suspended' && environment.pullRequest?.state === 'open');

  const counts = countByStatusGroup(environments);
  const groups = [...ALWAYS, ...WHEN_ANY.filter((group) => counts[group] > 0)];

  return (
    <div
      className={cx(rootClassName, 'gr-release-header', classNames?.root, className)}
      data-status={release.status}
      style={style}
    >
      <div className="gr-release-header__main">
        <div className="gr-release-header__title-row">
          <Heading className={cx('gr-release-header__title', classNames?.title)}>
            <Link href={getProductHref?.(release)} external={false} className="gr-release-header__product">
              {product}
            </Link>
            <span className="gr-release-header__separator" aria-hidden="true">
              ·
            </span>
            <Link
              href={flowKey !== undefined ? getFlowHref?.(flowKey, release) : undefined}
              external={false}
              className="gr-release-header__flow"
            >
              {flowName}
            </Link>
            {version ? (
              <>
                <span className="gr-release-header__separator" aria-hidden="true">
                  ·
                </span>
                <span className="gr-release-header__version">{version}</span>
              </>
            ) : null}
          </Heading>
          {sha ? (
            <Link href={commitHref} className="gr-release-header__sha" title={textOf(commit?.sha)}>
              <span className="gr-visually-hidden">{text.commit}</span> {sha}
            </Link>
          ) : null}
        </div>

        {textOf(commit?.message) ? (
          <CommitMessage message={textOf(commit?.message)!} className={classNames?.message} showMore={text.showMore} showLess={text.showLess} />
        ) : null}

        {commit ? (
          <p className={cx('gr-release-header__commit', classNames?.commit)}>
            <CommitIcon />
            {/* The parts are the line's flex items, as the icon is: a link stays out of a text block. */}
            {formatMessageParts(text.commitLine, {
              author: textOf(commit.author?.name) ? (
                <span className="gr-release-header__author" title={textOf(commit.author?.email)}>
                  {textOf(commit.author?.name)}
                </span>
              ) : undefined,
              repository: textOf(commit.repoUrl) ? (
                <Link href={commit.repoUrl} className="gr-release-header__repo">
                  {repoName(commit.repoUrl!)}
                </Link>
              ) : undefined,
              branch: textOf(commit.branch) ? <span className="gr-release-header__branch">{textOf(commit.branch)}</span> : undefined,
            })}
          </p>
        ) : null}

        <dl className={cx('gr-release-header__meta', classNames?.meta)}>
          {textOf(release.initiator?.name) ? (
            <div className="gr-release-header__meta-item">
              <dt>{text.startedBy}</dt>
              <dd title={textOf(release.initiator?.email)}>{textOf(release.initiator?.name)}</dd>
            </div>
          ) : null}
          {created ? (
            <div className="gr-release-header__meta-item">
              <dt>{text.created}</dt>
              <dd>
                <FormattedTime iso={release.createdAt} />
              </dd>
            </div>
          ) : null}
          <div className="gr-release-header__meta-item">
            <dt>{text.duration}</dt>
            <dd className="gr-release-header__duration" data-ticking={underway ? '' : undefined}>
              {elapsed === undefined ? common.notStarted : formatDuration(elapsed)}
            </dd>
          </div>
        </dl>
      </div>

      <div className="gr-release-header__aside">
        <StatusBadge
          status={release.status}
          waitingFor={waitingForPullRequest ? 'pull-request' : undefined}
          variant="solid"
          size="lg"
          className={cx('gr-release-header__status', classNames?.status)}
        />
        {showCounters ? (
          <ul className={cx('gr-release-header__counters', classNames?.counters)} aria-label={text.countersLabel}>
            {groups.map((group) => {
              const label = text.counter(counts[group], labels.status[group] ?? group, formatNumber);
              return (
                <li key={group} className="gr-release-header__counter" data-group={group} data-empty={counts[group] ? undefined : ''}>
                  <StatusBadge
                    status={group}
                    title={label}
                    label={
                      <>
                        <span aria-hidden="true">{counts[group]}</span>
                        <span className="gr-visually-hidden">{label}</span>
                      </>
                    }
                  />
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

/** The commit message: its first line, cut with an ellipsis, and "Show more" for all of it. */
function CommitMessage({ message, className, showMore, showLess }: { message: string; className?: string; showMore: string; showLess: string }) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const [overflowing, setOverflowing] = useState(false);
  const textRef = useRef<HTMLParagraphElement>(null);
  const lines = message.replace(/\r\n?/g, '\n').trim().split('\n');
  const subject = lines[0] ?? '';
  const multiline = lines.length > 1;

  // Measured only in a browser, and it can only add the toggle: server and first client render
  // agree (the toggle then depends on the text alone).
  useEffect(() => {
    const element = textRef.current;
    if (!element || expanded || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setOverflowing(element.scrollWidth > element.clientWidth + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, [expanded, subject]);

  const toggle = expanded || multiline || subject.length > LONG_SUBJECT || overflowing;
  return (
    <div className={cx('gr-release-header__message', className)} data-expanded={expanded ? '' : undefined}>
      <p ref={textRef} id={id} className="gr-release-header__message-text" title={expanded ? undefined : subject}>
        {expanded ? message.trim() : subject}
      </p>
      {toggle ? (
        <button
          type="button"
          className="gr-release-header__toggle"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((value) => !value)}
        >
          <ChevronIcon />
          {expanded ? showLess : showMore}
        </button>
      ) : null}
    </div>
  );
}

function CommitIcon() {
  return (
    <svg className="gr-release-header__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="2.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M1 8h4.25M10.75 8H15" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function ChevronIcon() {
  return (
    <svg className="gr-release-header__chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** What the header looks like while the release is fetched: grey bars, hidden from readers. */
export function ReleaseHeaderSkeleton({ className }: { className?: string }) {
  const rootClassName = useRootClassName();
  return (
    <div className={cx(rootClassName, 'gr-release-header', className)} data-loading="" aria-hidden="true">
      <div className="gr-release-header__main">
        <span className="gr-release-header__skeleton" data-size="lg" />
        <span className="gr-release-header__skeleton" data-size="md" />
        <span className="gr-release-header__skeleton" data-size="sm" />
      </div>
      <div className="gr-release-header__aside">
        <span className="gr-release-header__skeleton" data-size="badge" />
      </div>
    </div>
  );
}
