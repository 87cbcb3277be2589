import { forwardRef, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { CompiledReleaseNotes, IssueKeyResolver, NoteItem, Person, Release, TextPart } from 'gitops-releases/headless';
import { compileReleaseNotes, filterReleaseNotes, releaseNotesToMarkdown } from '../../headless/internal';
import { Avatar } from '../internal/Avatar';
import { cx } from '../internal/cx';
import { Link } from '../internal/Link';
import { StateMessage, describeError } from '../internal/StateMessage';
import { useReportedError } from '../internal/report-error';
import { rootElementProps, type RootElementProps } from '../internal/root-props';
import { useNumberFormatter } from '../internal/time';
import { formatMessageParts } from '../internal/message-format';
import { useNotesMessages } from '../provider/component-messages';
import type { NotesMessages } from '../provider/messages';
import { useRootClassName, type ReleasesErrorHandler } from '../provider/ReleasesProvider';

export type ReleaseNotesGrouping = 'kind' | 'type' | 'application';

/** Extra class names for the notes' parts. */
export interface ReleaseNotesClassNames {
  /** The outer `div.gr-release-notes`. @default undefined */
  root?: string;
  /** Each `section.gr-release-notes__group`. @default undefined */
  group?: string;
  /** Each `li.gr-release-notes__item`. @default undefined */
  item?: string;
}

export interface ReleaseNotesProps extends RootElementProps {
  /** The release (or several, e.g. everything since the last release) whose notes to show. @default undefined */
  release?: Release | readonly Release[];
  /** Notes compiled by the host (`compileReleaseNotes`, `changesSinceLastRelease(...).notes`); wins over `release`. @default undefined */
  notes?: CompiledReleaseNotes;
  /** Resolvers that turn issue keys in titles into links, e.g. `[jiraKeys('https://acme.atlassian.net')]`. @default undefined (no links) */
  issueKeys?: readonly IssueKeyResolver[];
  /**
   * Sections by kind (Images, Issues, Pull Requests, Commits), by conventional-commit type
   * (breaking changes first), or by application.
   * @default 'kind'
   */
  groupBy?: ReleaseNotesGrouping;
  /** Heading of the Markdown copy, e.g. "checkout 1.4.2". @default the release's product and version */
  title?: string;
  /** Shows the search box. @default true */
  showSearch?: boolean;
  /** Shows "Copy as Markdown". @default true */
  showCopy?: boolean;
  /** Called with the Markdown after it was copied. @default undefined */
  onCopy?: (markdown: string) => void;
  /** The host is fetching the release: a placeholder. @default false */
  loading?: boolean;
  /** The host could not fetch it: shown inline. @default undefined */
  error?: unknown;
  /**
   * Called when the release's notes cannot be read (a `ReleaseDataError` naming the path), after
   * the error is shown inline. Takes the place of the provider's `onError`.
   * @default the nearest `ReleasesProvider`'s `onError`
   */
  onError?: ReleasesErrorHandler;
  /** Level of the section headings (2 to 6). @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Extra class names for the root. @default undefined */
  className?: string;
  /** Inline styles for the root. @default undefined */
  style?: CSSProperties;
  /** Extra class names per part: `{ root, group, item }`. @default undefined */
  classNames?: ReleaseNotesClassNames;
}


interface Section {
  /** The React key: unique, where `key` (`data-group`) is `none` for no application and for one named so. */
  id: string;
  key: string;
  label: string;
  icon: NoteItem['kind'] | 'group';
  items: NoteItem[];
}

function sectionsOf(notes: CompiledReleaseNotes, groupBy: ReleaseNotesGrouping, text: NotesMessages): Section[] {
  if (groupBy !== 'kind' && notes.groups) {
    const types: Readonly<Record<string, string>> = text.types;
    return notes.groups.map((group) => ({
      id: `group:${group.key}`,
      key: group.key || 'none',
      label:
        groupBy === 'type'
          ? Object.prototype.hasOwnProperty.call(types, group.key)
            ? types[group.key]!
            : group.key
          : group.key === ''
            ? text.noApplication
            : group.key,
      icon: 'group',
      items: group.items,
    }));
  }
  return [
    { id: 'images', key: 'images', label: text.kinds.image, icon: 'image' as const, items: notes.images },
    { id: 'issues', key: 'issues', label: text.kinds.issue, icon: 'issue' as const, items: notes.issues },
    { id: 'pull-requests', key: 'pull-requests', label: text.kinds.pullRequest, icon: 'pull-request' as const, items: notes.pullRequests },
    { id: 'commits', key: 'commits', label: text.kinds.commit, icon: 'commit' as const, items: notes.commits },
  ].filter((section) => section.items.length > 0);
}

/**
 * Every change that went into a release: images, issues, pull requests and commits, each listed
 * once with every application and environment it touched, in collapsible sections with counts,
 * a search box and "Copy as Markdown". Works inside ReleaseView's notes tab and on its own (a
 * drawer). Titles are text; issue keys become links only through `issueKeys` and only to http(s).
 */
export const ReleaseNotes = /* @__PURE__ */ forwardRef<HTMLDivElement, ReleaseNotesProps>(function ReleaseNotes(props, ref) {
  const rootClassName = useRootClassName();
  const {
    release,
    notes: _notes,
    issueKeys,
    groupBy = 'kind',
    title: _title,
    showSearch = true,
    showCopy = true,
    onCopy: _onCopy,
    loading = false,
    error,
    onError,
    headingLevel = 3,
    className,
    style,
    classNames,
    ...rest
  } = props;
  const [query, setQuery] = useState('');
  const id = useId();
  const { text } = useNotesMessages();
  const formatNumber = useNumberFormatter();

  const compiled = useMemo(() => {
    if (props.notes) return { notes: props.notes, error: undefined };
    if (!release) return { notes: undefined, error: undefined };
    try {
      return { notes: compileReleaseNotes(release, { issueKeys, groupBy: groupBy === 'kind' ? undefined : groupBy }), error: undefined };
    } catch (caught) {
      return { notes: undefined, error: caught };
    }
  }, [props.notes, release, issueKeys, groupBy]);
  useReportedError('ReleaseNotes', compiled.error, onError);
  const shown = useMemo(() => (compiled.notes ? filterReleaseNotes(compiled.notes, query) : undefined), [compiled.notes, query]);
  const single = release && !Array.isArray(release) ? (release as Release) : undefined;
  const title = props.title ?? (single ? [single.product, single.version].filter(Boolean).join(' ') : undefined);

  const root = (children: ReactNode, state: string) => (
    <div
      {...rootElementProps(rest)}
      ref={ref}
      className={cx(rootClassName, 'gr-release-notes', classNames?.root, className)}
      style={style}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      {children}
    </div>
  );

  if (error !== undefined) return root(<StateMessage kind="error" title={text.loadError} detail={describeError(error)} />, 'error');
  if (loading) {
    return root(
      <div className="gr-release-notes__skeleton" role="status" aria-label={text.loading}>
        <span />
        <span />
        <span />
      </div>,
      'loading',
    );
  }
  if (compiled.error !== undefined) return root(<StateMessage kind="error" title={text.error} detail={describeError(compiled.error)} />, 'error');
  if (!compiled.notes || !shown || compiled.notes.counts.total === 0) {
    return root(<StateMessage kind="empty" title={text.empty} detail={text.emptyDetail} />, 'empty');
  }

  const sections = sectionsOf(shown, groupBy, text);
  return root(
    <>
      <div className="gr-release-notes__toolbar">
        {showSearch ? (
          <>
            <label htmlFor={`${id}-q`} className="gr-visually-hidden">
              {text.search}
            </label>
            <input
              id={`${id}-q`}
              type="search"
              className="gr-release-notes__search"
              placeholder={text.searchPlaceholder}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </>
        ) : null}
        <span className="gr-release-notes__count" role="status">
          {text.count(query ? shown.counts.total : compiled.notes.counts.total, compiled.notes.counts.total, formatNumber)}
        </span>
        {showCopy ? <CopyMarkdown notes={shown} title={title} onCopy={props.onCopy} /> : null}
      </div>
      {sections.length === 0 ? (
        <StateMessage kind="empty" title={text.noMatch} />
      ) : (
        sections.map((section) => <NotesSection key={section.id} section={section} headingLevel={headingLevel} classNames={classNames} />)
      )}
    </>,
    'ready',
  );
});

function NotesSection({ section, headingLevel, classNames }: { section: Section; headingLevel: number; classNames: ReleaseNotesClassNames | undefined }) {
  const [open, setOpen] = useState(true);
  const id = useId();
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <section className={cx('gr-release-notes__group', classNames?.group)} data-group={section.key} aria-labelledby={`${id}-h`}>
      <Heading className="gr-release-notes__heading" id={`${id}-h`}>
        <button type="button" className="gr-release-notes__toggle" aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen(!open)}>
          <svg className="gr-release-notes__chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <KindIcon kind={section.icon} />
          <span>{section.label}</span>
          <span className="gr-release-notes__badge">{section.items.length}</span>
        </button>
      </Heading>
      <ul id={`${id}-list`} className="gr-release-notes__list" hidden={!open}>
        {section.items.map((item) => (
          <li key={`${item.kind}:${itemKey(item)}`} className={cx('gr-release-notes__item', classNames?.item)} data-kind={item.kind}>
            <Item item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const itemKey = (item: NoteItem) =>
  item.kind === 'image' ? item.reference : item.kind === 'issue' ? item.key : item.kind === 'pull-request' ? JSON.stringify([item.repo ?? '', item.id]) : item.sha;

function Parts({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.href ? (
          <Link key={i} href={part.href} className="gr-release-notes__key">
            {part.text}
          </Link>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

function Item({ item }: { item: NoteItem }) {
  const { text } = useNotesMessages();
  const by = (sentence: string, person: Person | undefined) =>
    person ? (
      <span className="gr-release-notes__person">
        {formatMessageParts(
          sentence,
          {
            person: (
              <>
                <Avatar person={person} />
                <span>{person.name}</span>
              </>
            ),
          },
          (words) => <span className="gr-release-notes__muted">{words}</span>,
        )}
      </span>
    ) : null;
  let main: ReactNode;
  switch (item.kind) {
    case 'image':
      main = (
        <div className="gr-release-notes__line">
          <KindIcon kind="image" />
          <Link href={item.url} className="gr-release-notes__mono gr-release-notes__truncate" title={item.reference}>
            {item.reference}
          </Link>
        </div>
      );
      break;
    case 'issue':
      main = (
        <>
          <div className="gr-release-notes__line">
            <Link href={item.url} className="gr-release-notes__strong">
              {item.key}
            </Link>
            {by(text.assignee, item.assignee)}
          </div>
          {item.title ? <p className="gr-release-notes__text">{item.title}</p> : null}
        </>
      );
      break;
    case 'pull-request':
      main = (
        <>
          <div className="gr-release-notes__line">
            <span className="gr-release-notes__strong">
              <Parts parts={item.titleParts} />
            </span>
            {by(text.author, item.author)}
          </div>
          <div className="gr-release-notes__line gr-release-notes__muted">
            <Link href={item.url}>{`${item.repo ?? ''}#${item.id}`}</Link>
            {item.state ? <span>{item.state}</span> : null}
          </div>
        </>
      );
      break;
    case 'commit':
      main = (
        <div className="gr-release-notes__line">
          <Link href={item.url} className="gr-release-notes__mono" title={item.sha}>
            {item.shortSha}
          </Link>
          <span className="gr-release-notes__truncate" title={item.message}>
            <Parts parts={item.titleParts} />
          </span>
          {by(text.author, item.author)}
        </div>
      );
      break;
  }
  return (
    <>
      {main}
      <Scope item={item} />
    </>
  );
}

/** Where the change went, and how often the sources listed it. */
function Scope({ item }: { item: NoteItem }) {
  const { text } = useNotesMessages();
  const formatNumber = useNumberFormatter();
  if (item.applications.length === 0 && item.environments.length === 0 && item.occurrences < 2) return null;
  return (
    <div className="gr-release-notes__scope">
      {item.applications.map((application) => (
        <span key={`a:${application}`} className="gr-release-notes__tag" data-tag="application" title={text.application(application)}>
          {application}
        </span>
      ))}
      {item.environments.length > 0 ? (
        <span className="gr-release-notes__muted gr-release-notes__truncate" title={item.environments.join(', ')}>
          {text.inEnvironments(item.environments.join(', '))}
        </span>
      ) : null}
      {item.occurrences > 1 ? <span className="gr-release-notes__muted">{text.listed(item.occurrences, formatNumber)}</span> : null}
    </div>
  );
}

function KindIcon({ kind }: { kind: Section['icon'] }) {
  const paths: Record<Section['icon'], ReactNode> = {
    image: <path d="M2.5 5.5L8 2.5l5.5 3v5L8 13.5l-5.5-3zM2.5 5.5L8 8.5l5.5-3M8 8.5v5" />,
    issue: <path d="M8 1.8l6.2 6.2L8 14.2 1.8 8z" />,
    'pull-request': <path d="M4.5 3.5v9M11.5 8.5v4M4.5 3.5a1.5 1.5 0 100-.01M11.5 12.5a1.5 1.5 0 100 .01M4.5 12.5a1.5 1.5 0 100 .01M11.5 8.5V6a2 2 0 00-2-2H7.5M9 2.5L7.5 4 9 5.5" />,
    commit: <path d="M1.5 8h4M10.5 8h4M8 5.5a2.5 2.5 0 110 5 2.5 2.5 0 010-5z" />,
    group: <path d="M3 4.5h10M3 8h10M3 11.5h6" />,
  };
  return (
    <svg className="gr-release-notes__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" strokeLinecap="round">
      {paths[kind]}
    </svg>
  );
}

function CopyMarkdown({ notes, title, onCopy }: { notes: CompiledReleaseNotes; title?: string; onCopy?: (markdown: string) => void }) {
  const { text } = useNotesMessages();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const area = useRef<HTMLTextAreaElement>(null);
  const markdown = useMemo(() => releaseNotesToMarkdown(notes, { title }), [notes, title]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setState('copied');
      onCopy?.(markdown);
    } catch {
      // No clipboard (an insecure page, a denied permission): show the text, selected, to copy by hand.
      setState('manual');
    }
  };
  // Once the text shows (after the render, so nothing is left to cancel on unmount).
  useEffect(() => {
    if (state === 'manual') area.current?.select();
  }, [state]);
  return (
    <>
      <button type="button" className="gr-release-notes__button" onClick={() => void copy()}>
        {text.copy}
      </button>
      <span className="gr-release-notes__muted" role="status">
        {state === 'copied' ? text.copied : state === 'manual' ? text.copyManually : ''}
      </span>
      {state === 'manual' ? (
        <textarea ref={area} className="gr-release-notes__markdown" readOnly value={markdown} aria-label={text.markdownLabel} rows={8} />
      ) : null}
    </>
  );
}
