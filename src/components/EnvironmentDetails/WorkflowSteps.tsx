import { useEffect, useRef, useState } from 'react';
import type { WorkflowRun, WorkflowSection as WorkflowSectionName, WorkflowStep } from 'gitops-releases/headless';
import { parseTime } from '../../headless/internal';
import { StatusBadge } from '../StatusBadge';
import { cx, Link, FormattedTime, useNumberFormatter } from '../internal';
import { isFailedStatus, listOf } from './environment-summary';
import { ChevronIcon } from './icons';
import { spaced, VisuallyHidden, type HeadingLevel } from './parts';
import { DetailsSection } from './sections';
import { elapsed } from './text';
import { useEnvironmentMessages } from '../provider/component-messages';

/** Where a workflow run links to, and whether that leaves the host. */
export type WorkflowHref = (run: WorkflowRun) => { href: string | undefined; external: boolean };

interface WorkflowSectionProps {
  section: WorkflowSectionName;
  title: string;
  steps: readonly WorkflowStep[];
  /** The name of the selected step in this list, if any. */
  selectedName: string | undefined;
  level: HeadingLevel;
  formatDuration: (ms: number) => string;
  now: number;
  workflowHref: WorkflowHref;
  className?: string;
  stepClassName?: string;
}

/** One of the trigger / pre-action / post-action lists: its steps, each with its runs. */
export function WorkflowSection({
  section,
  title,
  steps,
  selectedName,
  level,
  formatDuration,
  now,
  workflowHref,
  className,
  stepClassName,
}: WorkflowSectionProps) {
  // With duplicate names (bad data) only the first one is the selected step.
  const selectedIndex = selectedName === undefined ? -1 : steps.findIndex((step) => step.name === selectedName);
  return (
    <DetailsSection level={level} className={className} title={title} part={section}>
      <ul className="gr-environment-details__workflows">
        {steps.map((step, index) => (
          <WorkflowStepItem
            // Step names are unique within a list in valid data; the index keeps bad data rendering.
            key={`${index}:${step.name}`}
            step={step}
            selected={index === selectedIndex}
            formatDuration={formatDuration}
            now={now}
            workflowHref={workflowHref}
            className={stepClassName}
          />
        ))}
      </ul>
    </DetailsSection>
  );
}

interface WorkflowStepItemProps {
  step: WorkflowStep;
  selected: boolean;
  formatDuration: (ms: number) => string;
  now: number;
  workflowHref: WorkflowHref;
  className?: string;
}

function WorkflowStepItem({ step, selected, formatDuration, now, workflowHref, className }: WorkflowStepItemProps) {
  const { text } = useEnvironmentMessages();
  const formatNumber = useNumberFormatter();
  const runs = listOf(step.runs);
  const failedRuns = runs.filter((run) => isFailedStatus(run.status)).length;
  const duration = elapsed(step.startedAt, step.finishedAt, now, formatDuration);

  // Failed and selected steps open by default, and open again when they become so (a running
  // step that fails, a step selected in the graph). Otherwise the reader's toggle is kept.
  const autoOpen = isFailedStatus(step.status) || selected;
  const [open, setOpen] = useState(autoOpen);
  const [lastAutoOpen, setLastAutoOpen] = useState(autoOpen);
  if (autoOpen !== lastAutoOpen) {
    setLastAutoOpen(autoOpen);
    if (autoOpen) setOpen(true);
  }

  const itemRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // jsdom has no scrollIntoView; browsers do.
    if (selected) itemRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  // Whitespace between the flex items: invisible in the layout, but it keeps words apart in the
  // summary's accessible name ("9:54 AM took 1m 25s", not "9:54 AMtook1m 25s").
  const meta = spaced([
    step.template && step.template !== step.name ? (
      <span key="template">
        <VisuallyHidden>{text.template}</VisuallyHidden>{' '}
        <span className="gr-environment-details__mono">{step.template}</span>
      </span>
    ) : null,
    parseTime(step.startedAt) !== undefined ? (
      <span key="started">
        <VisuallyHidden>{text.started}</VisuallyHidden>{' '}
        <FormattedTime iso={step.startedAt} />
      </span>
    ) : null,
    duration ? (
      <span key="duration">
        <VisuallyHidden>{text.took}</VisuallyHidden>{' '}
        {duration}
      </span>
    ) : null,
    runs.length > 0 ? (
      <span key="runs">
        {text.runs(runs.length, formatNumber)}
        {failedRuns > 0 ? `, ${text.failedRuns(failedRuns, formatNumber)}` : null}
      </span>
    ) : null,
  ]);

  const summary = (
    <>
      {runs.length > 0 ? <ChevronIcon className="gr-environment-details__chevron" /> : null}
      <span className="gr-environment-details__step-main">
        <span className="gr-environment-details__step-name">{step.name}</span>{' '}
        <StatusBadge status={step.status} size="sm" />
      </span>{' '}
      {meta.length > 0 ? (
        <span className="gr-environment-details__step-meta">
          {meta}
        </span>
      ) : null}
    </>
  );

  return (
    <li
      ref={itemRef}
      className={cx('gr-environment-details__workflow', className)}
      data-status={step.status}
      data-selected={selected ? '' : undefined}
      aria-current={selected ? 'true' : undefined}
    >
      {runs.length > 0 ? (
        <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="gr-environment-details__step">
          <summary className="gr-environment-details__step-summary">{summary}</summary>
          <ul className="gr-environment-details__runs" aria-label={text.runsOf(step.name)}>
            {runs.map((run, index) => {
              const target = workflowHref(run);
              return (
                <li key={`${index}:${run.workflow}`} className="gr-environment-details__run" data-status={run.status}>
                  <StatusBadge status={run.status} variant="icon-only" size="sm" />{' '}
                  <span className="gr-environment-details__run-text">
                    <span className="gr-environment-details__run-application">{run.application}</span>{' '}
                    <Link
                      href={target.href}
                      external={target.external}
                      className="gr-environment-details__link gr-environment-details__run-workflow"
                    >
                      {run.workflow}
                    </Link>
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      ) : (
        <div className="gr-environment-details__step-summary" data-static="">
          {summary}
        </div>
      )}
    </li>
  );
}
