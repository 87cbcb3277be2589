import type { CSSProperties } from 'react';
import type {
  EnvironmentStep,
  GroupedReleaseGraphLayout,
  LayoutDirection,
  LayoutWorkerOption,
  Release,
  ReleaseGraphLayout,
  WorkflowStep,
  WorkflowStepRef,
} from 'gitops-releases/headless';
import type { RootElementProps } from '../internal/root-props';
import type { ReleasesErrorHandler } from '../provider/ReleasesProvider';

/** Extra class names for the graph's parts. */
export interface ReleaseGraphClassNames {
  /**
   * The outer `div.gr-release-graph`.
   * @default undefined
   */
  root?: string;
  /**
   * Each environment node (`.gr-release-graph__node`).
   * @default undefined
   */
  node?: string;
  /**
   * Each promotion edge (`.gr-release-graph__edge`).
   * @default undefined
   */
  edge?: string;
  /**
   * The search box's bar (`div.gr-release-graph__toolbar`).
   * @default undefined
   */
  toolbar?: string;
}

export interface ReleaseGraphProps extends RootElementProps {
  /**
   * Called when the release cannot be laid out (a cycle, an unknown `dependsOn`, a field of the wrong
   * type: a `ReleaseDataError` naming the path), after the error is shown inline in its place. Takes the place of the
   * provider's `onError`.
   * @default the nearest `ReleasesProvider`'s `onError`
   */
  onError?: ReleasesErrorHandler;
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
   * The group path of each environment (`wave-2/eu-west`, at most 3 levels), in place of its own
   * `group` field; `undefined` or `''` puts it in no declared group. A group shows as one node with
   * its counts until it is opened.
   * @default the environment's own `group`
   */
  groupBy?: (environment: EnvironmentStep) => string | undefined;
  /**
   * More environments in no declared group than this that wait for the same environments and are
   * waited for by the same ones show as one automatic group (`Infinity`: never).
   * @default 12
   */
  autoGroupThreshold?: number;
  /**
   * A layout made elsewhere, typically on the host's server with the headless entry:
   * `layoutReleaseGraph(release, { direction, groups: { groupBy, autoGroupThreshold, expanded } })`
   * with the graph's own options (a layout of another structure is ignored, and the graph lays
   * itself out). Its positions seed the layout cache, so a big graph is drawn at mount without
   * running dagre, and later status updates reuse it.
   * @default undefined
   */
  layout?: ReleaseGraphLayout | GroupedReleaseGraphLayout;
  /**
   * Where big layouts run. By default a graph whose layout is more than a few milliseconds of
   * dagre's work (`QUICK_LAYOUT_COST`) is laid out in the library's Web Worker, and the graph shows
   * its groups' outline meanwhile; where there is no `Worker`, on the server and while hydrating
   * it is laid out on the main thread. A function makes the host's own worker (a module worker
   * whose script is `serveLayoutWorker(self)`); `false` always lays out on the main thread.
   * @default the library's worker
   */
  layoutWorker?: LayoutWorkerOption;
  /**
   * The ids of the open groups (controlled), e.g. from the URL (release links carry them as
   * `groups`). An open group draws a frame around its sub-groups and environments (more than 40
   * environments directly in it: a grid of tiles); a group inside a closed one stays hidden.
   * @default undefined (uncontrolled)
   */
  expandedGroups?: readonly string[];
  /**
   * The groups open at first when uncontrolled. The groups of `defaultFocusEnvironment` open too.
   * @default []
   */
  defaultExpandedGroups?: readonly string[];
  /**
   * Called with the ids of the open groups when the reader opens or closes one (a click, Enter, a
   * search or a deep link that reaches into a group).
   * @default undefined
   */
  onExpandedGroupsChange?: (expandedGroups: string[]) => void;
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
   * Called when the reader opens an environment's details: Enter or Space on a node, a double
   * click, or its "Issues" row.
   * @default undefined
   */
  onEnvironmentOpen?: (name: string) => void;
  /**
   * Called when a workflow step in a node is clicked (or activated with the keyboard), with the
   * step named (`{ environment, section, name }`) and the step itself.
   * @default undefined
   */
  onWorkflowStepSelect?: (step: WorkflowStepRef, workflowStep: WorkflowStep) => void;
  /**
   * An environment to select, centre on and focus when the graph mounts (e.g. from a deep link),
   * with the groups it is in opened. Read at mount only.
   * @default undefined (the whole graph fitted, nothing focused)
   */
  defaultFocusEnvironment?: string;
  /**
   * @deprecated Renamed `defaultFocusEnvironment` (it is read at mount only); this name goes in
   * the next minor version.
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
   * Show the search box that highlights matching environments (and the groups that hold them);
   * Enter pans to the next match, opening the groups it is in.
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
  /**
   * Extra class names for the root.
   * @default undefined
   */
  className?: string;
  /**
   * Inline styles for the root (e.g. `--gr-*` tokens for this graph).
   * @default undefined
   */
  style?: CSSProperties;
  /**
   * Extra class names per part.
   * @default undefined
   */
  classNames?: ReleaseGraphClassNames;
}
