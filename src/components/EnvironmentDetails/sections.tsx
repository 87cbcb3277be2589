import { useId } from 'react';
import type { ApplicationState, EnvironmentStep, Issue, PullRequest } from 'gitops-releases/headless';
import { safeHref, shortSha } from '../../headless/internal';
import { StatusBadge } from '../StatusBadge';
import { cx, Link, FormattedTime, useNumberFormatter } from '../internal';
import { Heading, spaced, Tag, VisuallyHidden, type HeadingLevel } from './parts';
import { formatMessageParts } from '../internal/message-format';
import { labelOf } from './text';
import { useEnvironmentMessages, useStatusMessages } from '../provider/component-messages';


/** Where an application links to, or `undefined`: the host's mapping, else the source's URL. */
export type ApplicationHref = (app: ApplicationState) => { href: string | undefined; external: boolean };

interface SectionProps {
  level: HeadingLevel;
  className?: string;
}

/**
 * One titled part of the panel. Deliberately not named (`aria-labelledby`): a named `<section>`
 * is a region landmark, and six landmarks per panel would bury the page's own. The panel is the
 * landmark; its headings structure the inside.
 */
export function DetailsSection({
  level,
  className,
  title,
  part,
  children,
}: SectionProps & { title: string; part: string; children: React.ReactNode }) {
  return (
    <section className={cx('gr-environment-details__section', className)} data-section={part}>
      <Heading level={level} className="gr-environment-details__section-title">
        {title}
      </Heading>
      {children}
    </section>
  );
}

export function PullRequestSection({ pullRequest, level, className }: SectionProps & { pullRequest: PullRequest }) {
  const { text } = useEnvironmentMessages();
  const labels = useStatusMessages();
  const state = labelOf(text.pullRequestStates, pullRequest.state, labels.status.unknown);
  const author = pullRequest.author?.name;
  return (
    <DetailsSection level={level} className={className} title={text.pullRequest} part="pull-request">
      <div className="gr-environment-details__pull-request" data-state={pullRequest.state}>
        <p className="gr-environment-details__pull-request-title">
          <Link href={pullRequest.url} className="gr-environment-details__link">
            {pullRequest.title || `#${pullRequest.id}`}
          </Link>
        </p>
        <p className="gr-environment-details__pull-request-meta">
          {spaced([
            <Tag key="state" tone={pullRequest.state === 'merged' || pullRequest.state === 'closed' ? pullRequest.state : 'open'}>
              {state}
            </Tag>,
            pullRequest.id ? (
              <span key="id" className="gr-environment-details__muted">
                #{pullRequest.id}
              </span>
            ) : null,
            pullRequest.repo || author ? (
              <span key="source" className="gr-environment-details__muted">
                {formatMessageParts(text.pullRequestSource, {
                  repository: pullRequest.repo ? <span className="gr-environment-details__mono">{pullRequest.repo}</span> : undefined,
                  author,
                })}
              </span>
            ) : null,
          ])}
        </p>
      </div>
    </DetailsSection>
  );
}

export function IssuesSection({
  issues,
  applications,
  applicationHref,
  level,
  className,
  issueClassName,
}: SectionProps & {
  issues: readonly Issue[];
  applications: readonly ApplicationState[];
  applicationHref: ApplicationHref;
  issueClassName?: string;
}) {
  const { text } = useEnvironmentMessages();
  const labels = useStatusMessages();
  const formatNumber = useNumberFormatter();
  return (
    <DetailsSection level={level} className={className} title={text.issues(issues.length, formatNumber)} part="issues">
      <ul className="gr-environment-details__issues">
        {issues.map((issue, index) => {
          const app = issue.application ? applications.find((a) => a.name === issue.application) : undefined;
          const target = app ? applicationHref(app) : undefined;
          const href = safeHref(target?.href);
          return (
            <li
              // Issues carry no id; their position in the sorted list is stable for one render of data.
              key={index}
              className={cx('gr-environment-details__issue', issueClassName)}
              data-level={issue.level}
              data-kind={issue.kind}
            >
              <div className="gr-environment-details__issue-head">
                {spaced([
                  issue.application ? (
                    <span key="app" className="gr-environment-details__issue-application">
                      {issue.application}
                    </span>
                  ) : null,
                  <span key="tags" className="gr-environment-details__tags">
                    <Tag tone="neutral" part="issue-kind">
                      {labelOf(text.issueKinds, issue.kind, labels.status.unknown)}
                    </Tag>{' '}
                    <Tag tone={issue.level === 'error' ? 'error' : 'warning'} part="issue-level">
                      {labelOf(text.issueLevels, issue.level, labels.status.unknown)}
                    </Tag>
                  </span>,
                ])}
              </div>{' '}
              <p className="gr-environment-details__issue-message">{issue.message}</p>{' '}
              <div className="gr-environment-details__issue-foot">
                {spaced([
                  issue.workflow ? (
                    <span key="workflow" className="gr-environment-details__muted">
                      {text.workflow} <span className="gr-environment-details__mono">{issue.workflow}</span>
                    </span>
                  ) : null,
                  <FormattedTime key="at" iso={issue.at} className="gr-environment-details__muted" />,
                  href && app ? (
                    <Link key="view" href={href} external={target?.external} className="gr-environment-details__button-link">
                      {text.viewApplication}{' '}
                      <VisuallyHidden>{app.name}</VisuallyHidden>
                    </Link>
                  ) : null,
                ])}
              </div>
            </li>
          );
        })}
      </ul>
    </DetailsSection>
  );
}

export function ApplicationsSection({
  environment,
  applications,
  applicationHref,
  level,
  className,
  rowClassName,
}: SectionProps & {
  environment: EnvironmentStep;
  applications: readonly ApplicationState[];
  applicationHref: ApplicationHref;
  rowClassName?: string;
}) {
  const captionId = useId();
  const { text } = useEnvironmentMessages();
  const formatNumber = useNumberFormatter();
  return (
    <DetailsSection level={level} className={className} title={text.applications(applications.length, formatNumber)} part="applications">
      {/* Seven columns do not fit a 320px drawer: the table scrolls sideways in its own box,
          which the keyboard can reach (tabIndex) even when no cell holds a link. The statuses
          come right after the name so a 480px drawer shows them without scrolling. */}
      <div className="gr-environment-details__table-scroll" role="group" aria-labelledby={captionId} tabIndex={0}>
        <table className="gr-environment-details__table">
          <caption id={captionId} className="gr-environment-details__caption">
            {text.applicationsCaption(environment.name)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.name}</th>
              <th scope="col">{text.columns.sync}</th>
              <th scope="col">{text.columns.health}</th>
              <th scope="col">{text.columns.promotion}</th>
              <th scope="col">{text.columns.version}</th>
              <th scope="col">{text.columns.commit}</th>
              <th scope="col">{text.columns.namespace}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((app, index) => {
              const target = applicationHref(app);
              const sha = shortSha(app.commitSha);
              return (
                <tr
                  // Names are unique within an environment in valid data; the index keeps bad data rendering.
                  key={`${index}:${app.name}`}
                  className={cx('gr-environment-details__application', rowClassName)}
                  data-sync={app.sync}
                  data-health={app.health}
                  data-promotion={app.promotion}
                >
                  <th scope="row" className="gr-environment-details__application-name">
                    <Link href={target.href} external={target.external} className="gr-environment-details__link">
                      {app.name}
                    </Link>
                  </th>
                  <td>
                    <StatusBadge kind="sync" status={app.sync} variant="subtle" size="sm" />
                  </td>
                  <td>
                    <StatusBadge kind="health" status={app.health} variant="subtle" size="sm" />
                  </td>
                  <td>{app.promotion ? <StatusBadge status={app.promotion} variant="subtle" size="sm" /> : <Empty />}</td>
                  <td>{app.version || <Empty />}</td>
                  <td>
                    {sha ? (
                      <code className="gr-environment-details__mono" title={app.commitSha}>
                        {sha}
                      </code>
                    ) : (
                      <Empty />
                    )}
                  </td>
                  <td>{app.namespace || <Empty />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </DetailsSection>
  );
}

/** A cell with no value: a dash, read as "none". */
function Empty() {
  const { common } = useEnvironmentMessages();
  return (
    <>
      <span className="gr-environment-details__muted" aria-hidden="true">
        —
      </span>
      <VisuallyHidden>{common.none}</VisuallyHidden>
    </>
  );
}
