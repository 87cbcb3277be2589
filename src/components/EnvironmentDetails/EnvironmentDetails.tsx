import { forwardRef, useCallback, useId, useMemo, type KeyboardEvent } from 'react';
import type { ApplicationState, EnvironmentStep, GroupingOptions, Release, WorkflowRun } from 'gitops-releases/headless';
import { groupReleaseEnvironments, isTerminalStatus, parseTime, unitLabel, WORKFLOW_SECTIONS } from '../../headless/internal';
import { StatusBadge } from '../StatusBadge';
import { cx, DataErrorBoundary, StateMessage, FormattedTime, useDurationFormatter, useErrorReporter, useNow, useNumberFormatter } from '../internal';
import { waitingText } from '../internal/waiting';
import { rootElementProps } from '../internal/root-props';
import { useRootClassName } from '../provider/ReleasesProvider';
import {
  hasEnvironmentRun,
  isEnvironmentLive,
  listOf,
  sortIssues,
  stepsOf,
} from './environment-summary';
import { CloseIcon } from './icons';
import { Heading, spaced, Tag, type HeadingLevel } from './parts';
import { ApplicationsSection, IssuesSection, PullRequestSection, type ApplicationHref } from './sections';
import { elapsed } from './text';
import { useEnvironmentMessages, useStatusMessages, statusLabel } from '../provider/component-messages';
import type { EnvironmentDetailsProps } from './types';
import { WorkflowSection, type WorkflowHref } from './WorkflowSteps';

const HEADING_LEVELS: readonly number[] = [2, 3, 4];

/**
 * The details of one environment of a release, as the panel a graph node opens: its status and
 * times, the pull request its promotion opened, its issues, its trigger / pre-action /
 * post-action workflow steps with their per-application runs, and its applications.
 *
 * Renders `<section class="gr-environment-details" aria-labelledby data-status data-kind>`; it
 * scrolls inside its own box when its container limits its height. Text from the data is
 * rendered as text, and its URLs become links only when they are http, https or mailto.
 */
export const EnvironmentDetails = /* @__PURE__ */ forwardRef<HTMLElement, EnvironmentDetailsProps>(function EnvironmentDetails(
  {
    environment,
    release,
    headingLevel = 2,
    onClose,
    selectedWorkflowStep,
    getApplicationHref,
    getWorkflowHref,
    loading = false,
    onError,
    groupBy,
    autoGroupThreshold,
    className,
    style,
    classNames,
    ...rest
  },
  ref,
) {
  const rootClassName = useRootClassName();
  const report = useErrorReporter('EnvironmentDetails', onError);
  const { text, common } = useEnvironmentMessages();
  const headingId = useId();
  const level = (HEADING_LEVELS.includes(headingLevel) ? headingLevel : 2) as 2 | 3 | 4;
  const sectionLevel = (level + 1) as HeadingLevel;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !onClose) return;
      // Handled here: a host drawer listening for Escape too must not close twice.
      event.preventDefault();
      onClose();
    },
    [onClose],
  );

  const isTrigger = !!release && release.trigger?.environment === environment.name;
  const isProduction = environment.kind === 'production';

  return (
    <section
      {...rootElementProps(rest)}
      ref={ref}
      className={cx(rootClassName, 'gr-environment-details', classNames?.root, className)}
      style={style}
      aria-labelledby={headingId}
      aria-busy={loading ? true : undefined}
      data-status={environment.status}
      data-kind={environment.kind}
      data-trigger={isTrigger ? '' : undefined}
      data-loading={loading ? '' : undefined}
      onKeyDown={onClose ? onKeyDown : undefined}
    >
      <header className={cx('gr-environment-details__header', classNames?.header)}>
        <div className="gr-environment-details__title-row">
          <Heading level={level} id={headingId} className="gr-environment-details__title">
            {environment.name}
          </Heading>
          {onClose ? (
            <button
              type="button"
              className="gr-environment-details__close"
              aria-label={text.close}
              title={text.closeTitle}
              onClick={onClose}
            >
              <CloseIcon className="gr-environment-details__close-icon" />
            </button>
          ) : null}
        </div>
        {isProduction || isTrigger ? (
          <p className="gr-environment-details__markers">
            {spaced([
              isProduction ? (
                <Tag key="production" tone="neutral" part="marker" data-marker="production">
                  {common.production}
                </Tag>
              ) : null,
              isTrigger ? (
                <Tag key="trigger" tone="neutral" part="marker" data-marker="trigger">
                  {common.trigger}
                </Tag>
              ) : null,
            ])}
          </p>
        ) : null}
        {loading ? null : <HeaderStatus environment={environment} release={release} grouping={{ groupBy, autoGroupThreshold }} />}
      </header>
      {loading ? (
        <StateMessage kind="loading" title={text.loading} className="gr-environment-details__loading">
          <span className="gr-environment-details__skeleton" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
        </StateMessage>
      ) : (
        <DataErrorBoundary title={text.error} resetKey={environment} onError={report}>
          <DetailsBody
            environment={environment}
            release={release}
            level={sectionLevel}
            selectedWorkflowStep={
              // A step of another environment is not one of these.
              selectedWorkflowStep && (!('environment' in selectedWorkflowStep) || selectedWorkflowStep.environment === environment.name)
                ? selectedWorkflowStep
                : undefined
            }
            getApplicationHref={getApplicationHref}
            getWorkflowHref={getWorkflowHref}
            classNames={classNames}
          />
        </DataErrorBoundary>
      )}
    </section>
  );
});

/** Statuses in which an environment may be waiting for something (see `WaitingReason`). */
const MAY_WAIT: ReadonlySet<string> = /* @__PURE__ */ new Set(['queued', 'pending', 'suspended']);

/**
 * Why the environment waits, in the messages' words, when the release says (its grouping is
 * cached by structure, so a live update does not group again); `undefined` otherwise, and for
 * data the grouping cannot read (the graph shows that error).
 */
function useWaitingText(environment: EnvironmentStep, release: Release | undefined, grouping: GroupingOptions): string | undefined {
  const { common } = useEnvironmentMessages();
  const format = useNumberFormatter();
  const { groupBy, autoGroupThreshold } = grouping;
  const waits = release !== undefined && MAY_WAIT.has(environment.status);
  const reason = useMemo(() => {
    if (!waits) return undefined;
    try {
      const groups = groupReleaseEnvironments(release, { groupBy, autoGroupThreshold });
      const found = groups.waiting.get(environment.name);
      return found ? { found, on: 'on' in found ? unitLabel(found.on, groups) : '' } : undefined;
    } catch {
      return undefined;
    }
  }, [waits, release, environment.name, groupBy, autoGroupThreshold]);
  return reason ? waitingText(reason.found, reason.on, common.waiting, format) : undefined;
}

/** Status badge, live subtitle, why it waits, start and duration (ticking while the environment runs). */
function HeaderStatus({ environment, release, grouping }: { environment: EnvironmentStep; release: Release | undefined; grouping: GroupingOptions }) {
  const { text } = useEnvironmentMessages();
  const waiting = useWaitingText(environment, release, grouping);
  const labels = useStatusMessages();
  const formatDuration = useDurationFormatter();
  const now = useNow(isEnvironmentLive(environment));
  const waitingForPullRequest = environment.status === 'suspended' && environment.pullRequest?.state === 'open';
  const badgeText = waitingForPullRequest ? labels.waitingForPullRequest : statusLabel(labels, environment.status);
  const statusText = typeof environment.statusText === 'string' ? environment.statusText.trim() : '';
  // "Failed" under a "Failed" badge says nothing new.
  const showStatusText = statusText !== '' && statusText.toLowerCase() !== badgeText?.toLowerCase();
  const started = parseTime(environment.startedAt) !== undefined;
  const duration = elapsed(environment.startedAt, environment.finishedAt, now, formatDuration);

  return (
    <>
      <p className="gr-environment-details__status">
        <StatusBadge
          status={environment.status}
          waitingFor={waitingForPullRequest ? 'pull-request' : undefined}
          className="gr-environment-details__status-badge"
        />{' '}
        {showStatusText ? <span className="gr-environment-details__status-text">{statusText}</span> : null}
      </p>
      {waiting ? <p className="gr-environment-details__waiting">{waiting}</p> : null}
      {started || duration ? (
        <dl className="gr-environment-details__times">
          {started ? (
            <div className="gr-environment-details__time">
              <dt>{text.started}</dt>
              <dd>
                <FormattedTime iso={environment.startedAt} />
              </dd>
            </div>
          ) : null}
          {duration ? (
            <div className="gr-environment-details__time">
              <dt>{text.duration}</dt>
              <dd data-running={environment.finishedAt ? undefined : ''}>{duration}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </>
  );
}

interface DetailsBodyProps {
  environment: EnvironmentStep;
  release: Release | undefined;
  level: HeadingLevel;
  selectedWorkflowStep: EnvironmentDetailsProps['selectedWorkflowStep'];
  getApplicationHref: EnvironmentDetailsProps['getApplicationHref'];
  getWorkflowHref: EnvironmentDetailsProps['getWorkflowHref'];
  classNames: EnvironmentDetailsProps['classNames'];
}

/** Everything below the header; inside an error boundary, so malformed data shows inline. */
function DetailsBody({
  environment,
  release,
  level,
  selectedWorkflowStep,
  getApplicationHref,
  getWorkflowHref,
  classNames,
}: DetailsBodyProps) {
  const { text, common } = useEnvironmentMessages();
  const labels = useStatusMessages();
  const formatDuration = useDurationFormatter();
  const now = useNow(isEnvironmentLive(environment));
  const issues = useMemo(() => sortIssues(environment.issues), [environment.issues]);
  const applications = listOf(environment.applications);
  const workflowSections = WORKFLOW_SECTIONS.map((section) => ({ section, title: common.workflows[section], steps: stepsOf(environment, section) })).filter(
    (entry) => entry.steps.length > 0,
  );
  const ran = hasEnvironmentRun(environment);

  // A host's mapping gives in-app links; the source's own URL leaves for another tool (new tab).
  const applicationHref: ApplicationHref = (app: ApplicationState) =>
    getApplicationHref ? { href: getApplicationHref(app, environment), external: false } : { href: app.url, external: true };
  const workflowHref: WorkflowHref = (run: WorkflowRun) =>
    getWorkflowHref ? { href: getWorkflowHref(run), external: false } : { href: run.url, external: true };

  const releaseEnded = !!release && isTerminalStatus(release.status);
  const sectionClass = classNames?.section;

  return (
    <div className="gr-environment-details__body">
      {ran ? null : (
        <StateMessage
          kind="empty"
          title={releaseEnded ? text.nothingRan : text.nothingRanYet}
          detail={releaseEnded ? text.releaseEnded(statusLabel(labels, release.status)) : undefined}
          className="gr-environment-details__empty"
        />
      )}
      {environment.pullRequest ? (
        <PullRequestSection pullRequest={environment.pullRequest} level={level} className={sectionClass} />
      ) : null}
      {issues.length > 0 ? (
        <IssuesSection
          issues={issues}
          applications={applications}
          applicationHref={applicationHref}
          level={level}
          className={sectionClass}
          issueClassName={classNames?.issue}
        />
      ) : null}
      {workflowSections.map(({ section, title, steps }) => (
        <WorkflowSection
          key={section}
          section={section}
          title={title}
          steps={steps}
          selectedName={selectedWorkflowStep?.section === section ? selectedWorkflowStep.name : undefined}
          level={level}
          formatDuration={formatDuration}
          now={now}
          workflowHref={workflowHref}
          className={sectionClass}
          stepClassName={classNames?.workflow}
        />
      ))}
      {applications.length > 0 ? (
        <ApplicationsSection
          environment={environment}
          applications={applications}
          applicationHref={applicationHref}
          level={level}
          className={sectionClass}
          rowClassName={classNames?.application}
        />
      ) : null}
    </div>
  );
}
