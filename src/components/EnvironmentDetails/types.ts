import type { CSSProperties } from 'react';
import type { ApplicationState, EnvironmentStep, Release, WorkflowRun, WorkflowSection, WorkflowStepRef } from 'gitops-releases/headless';
import type { RootElementProps } from '../internal/root-props';
import type { ReleasesErrorHandler } from '../provider/ReleasesProvider';

/** Extra class names for the panel's parts. */
export interface EnvironmentDetailsClassNames {
  /** The outer `section.gr-environment-details`. @default undefined */
  root?: string;
  /** The `header.gr-environment-details__header` (name, markers, status, times). @default undefined */
  header?: string;
  /** Each `section.gr-environment-details__section` (pull request, issues, workflows, applications). @default undefined */
  section?: string;
  /** Each issue card `li.gr-environment-details__issue`. @default undefined */
  issue?: string;
  /** Each application row `tr.gr-environment-details__application`. @default undefined */
  application?: string;
  /** Each workflow step `li.gr-environment-details__workflow`. @default undefined */
  workflow?: string;
}

/**
 * @deprecated Use `WorkflowStepRef`, which names the environment too; `selectedWorkflowStep`
 * takes this shape (meaning the shown environment) until the next minor version.
 */
export interface EnvironmentDetailsWorkflowStepRef {
  /** The list the step is in: trigger, pre-action or post-action workflows. */
  section: WorkflowSection;
  /** The step's `name`. */
  name: string;
}

/** @deprecated Use `WorkflowSection`; this name goes in the next minor version. */
export type EnvironmentWorkflowSection = WorkflowSection;

export interface EnvironmentDetailsProps extends RootElementProps {
  /**
   * Called when the environment cannot be shown (a field of the wrong type), after the error is shown inline in its place. Takes the place of the
   * provider's `onError`.
   * @default the nearest `ReleasesProvider`'s `onError`
   */
  onError?: ReleasesErrorHandler;
  /** The environment to show: one entry of `release.environments`. */
  environment: EnvironmentStep;
  /**
   * The release the environment belongs to, for context: marks the trigger environment
   * (`release.trigger.environment`) and words the empty state of an environment the release
   * never reached.
   * @default undefined
   */
  release?: Release;
  /**
   * With `release`: how environments are grouped, as the graph beside it groups them, so that the
   * panel says what the environment waits for in the same words ("waiting for wave-1: 3 of 250
   * failed"). ReleaseView passes its own.
   * @default the environments' own `group` fields
   */
  groupBy?: (environment: EnvironmentStep) => string | undefined;
  /**
   * With `release`: the automatic grouping threshold the graph beside it uses (see `groupBy`).
   * @default 12
   */
  autoGroupThreshold?: number;
  /**
   * Level of the environment name's heading; the panel's sections use the next level.
   * @default 2
   */
  headingLevel?: 2 | 3 | 4;
  /**
   * Called by the Close button (shown only when this is given) and by Escape while focus is
   * inside the panel.
   * @default undefined (no Close button)
   */
  onClose?: () => void;
  /**
   * A workflow step to open, highlight and scroll into view, e.g. the step clicked in the graph.
   * A step of another environment selects nothing here.
   * @default undefined
   */
  selectedWorkflowStep?: WorkflowStepRef | EnvironmentDetailsWorkflowStepRef | null;
  /**
   * Where an application's name and "View application" link go. Its result replaces `app.url`
   * (return `app.url` to keep it, `undefined` for no link) and is treated as a link inside the
   * host (no new tab). Only http, https and mailto URLs become links.
   * @default (app) => app.url (opens in a new tab)
   */
  getApplicationHref?: (app: ApplicationState, environment: EnvironmentStep) => string | undefined;
  /**
   * Where a workflow run's link goes. Its result replaces `run.url` (return `undefined` for no
   * link) and is treated as a link inside the host (no new tab). Only http, https and mailto
   * URLs become links.
   * @default (run) => run.url (opens in a new tab)
   */
  getWorkflowHref?: (run: WorkflowRun) => string | undefined;
  /**
   * The environment's details are still being fetched: shows its name and a loading
   * placeholder (`aria-busy`) instead of the sections.
   * @default false
   */
  loading?: boolean;
  /**
   * Extra class names for the root.
   * @default undefined
   */
  className?: string;
  /**
   * Inline styles for the root (e.g. a `max-height`, or `--gr-*` tokens for this panel).
   * @default undefined
   */
  style?: CSSProperties;
  /**
   * Extra class names per part: `{ root, header, section, issue, application, workflow }`.
   * @default undefined
   */
  classNames?: EnvironmentDetailsClassNames;
}
