import type { CSSProperties } from 'react';
import type { LayoutDirection, Release, WorkflowStep } from 'gitops-releases/headless';

/** Which list of an environment a workflow step belongs to. */
export type WorkflowSection = 'trigger' | 'preAction' | 'postAction';

export interface ReleaseGraphClassNames {
  root?: string;
  node?: string;
  edge?: string;
  toolbar?: string;
}

export interface ReleaseGraphProps {
  /** The release to draw. A new object with the same structure updates in place (no relayout). */
  release: Release;
  /**
   * Left to right, or top to bottom (controlled). The controls offer a toggle.
   * @default undefined (uncontrolled, starting at `defaultDirection`)
   */
  direction?: LayoutDirection;
  /**
   * The direction at first when uncontrolled.
   * @default 'LR'
   */
  defaultDirection?: LayoutDirection;
  /**
   * Called when the reader switches the direction with the controls.
   * @default undefined
   */
  onDirectionChange?: (direction: LayoutDirection) => void;
  /**
   * The selected environment's name (controlled). `null` selects nothing.
   * @default undefined (uncontrolled)
   */
  selectedEnvironment?: string | null;
  /**
   * The environment selected at first when uncontrolled.
   * @default null
   */
  defaultSelectedEnvironment?: string | null;
  /**
   * Called when the selection changes (click, arrow keys, search).
   * @default undefined
   */
  onSelectedEnvironmentChange?: (name: string | null) => void;
  /**
   * Called when the reader opens an environment's details: Enter on a node, a double click, or
   * its "Issues" row.
   * @default undefined
   */
  onEnvironmentOpen?: (name: string) => void;
  /**
   * Called when a workflow step in a node is clicked (or activated with the keyboard).
   * @default undefined
   */
  onWorkflowStepSelect?: (environment: string, section: WorkflowSection, step: WorkflowStep) => void;
  /**
   * An environment to select and centre on mount (e.g. from a deep link).
   * @default undefined
   */
  focusEnvironment?: string;
  /**
   * Show the zoom in / zoom out / fit controls.
   * @default true
   */
  showControls?: boolean;
  /**
   * Show a minimap.
   * @default false
   */
  showMinimap?: boolean;
  /**
   * Show the search box that highlights matching environments and pans to them.
   * @default true
   */
  showSearch?: boolean;
  /**
   * Height of the canvas (React Flow needs one).
   * @default 480
   */
  height?: number | string;
  /**
   * Accessible name of the graph region.
   * @default `messages.graph.label` of the release's name or id ('Promotion graph of release <id>')
   */
  'aria-label'?: string;
  /** @default undefined */
  className?: string;
  /** @default undefined */
  style?: CSSProperties;
  /** Extra class names per part. @default undefined */
  classNames?: ReleaseGraphClassNames;
}
