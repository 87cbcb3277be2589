import type { EnvironmentStep } from '../model/types';

/**
 * The environment node's box, in pixels. The component renders rows of exactly these heights, so
 * the layout (computed without a DOM, on a server or in a worker) matches what is drawn.
 */
export const NODE_METRICS = {
  width: 280,
  /** Name, live subtitle, and the start date + duration line. */
  header: 76,
  /** "Issues (n)": only when the environment has issues. */
  issuesRow: 28,
  /** A section title such as "Pre-Action Workflow". */
  sectionTitle: 24,
  /** One workflow step row. */
  row: 24,
  /** "Application Status (n)" row. */
  applicationsRow: 32,
  padding: 12,
} as const;

/** The parts of an environment that decide its node's size (and so belong to the structure key). */
export interface NodeContentShape {
  issues: boolean;
  trigger: number;
  preAction: number;
  postAction: number;
  applications: boolean;
}

export function nodeContentShape(environment: EnvironmentStep): NodeContentShape {
  const workflows = environment.workflows;
  return {
    issues: environment.issues.length > 0,
    trigger: workflows.trigger.length,
    preAction: workflows.preAction.length,
    postAction: workflows.postAction.length,
    applications: environment.applications.length > 0,
  };
}

/** A pure function of the node's content: the same content always gives the same size. */
export function environmentNodeSize(environment: EnvironmentStep): { width: number; height: number } {
  const shape = nodeContentShape(environment);
  const m = NODE_METRICS;
  let height = m.padding * 2 + m.header;
  if (shape.issues) height += m.issuesRow;
  for (const rows of [shape.trigger, shape.preAction, shape.postAction]) {
    if (rows > 0) height += m.sectionTitle + rows * m.row;
  }
  if (shape.applications) height += m.applicationsRow;
  return { width: m.width, height };
}

/**
 * A collapsed group's box, in pixels: name and member count, a stacked status bar with counts, the
 * failed and running members by name, duration and waiting reason, then one row per sub-group (at
 * most `maxSubgroupRows`, then a "+N more" row). Every row is always there (empty when it has
 * nothing to say), so the box depends on the structure only and a status change never relayouts.
 */
export const GROUP_METRICS = {
  width: 300,
  /** Name and member count. */
  header: 44,
  /** The stacked status bar and the counts with icons. */
  bar: 32,
  /** Failed members first, then running ones, by name: two lines. */
  names: 36,
  /** Duration and waiting reason. */
  footer: 24,
  /** One sub-group: its name and a mini status bar. */
  subgroupRow: 22,
  maxSubgroupRows: 12,
  padding: 12,
} as const;

/** The box of a collapsed group with `subgroups` direct sub-groups. */
export function groupNodeSize(subgroups: number): { width: number; height: number } {
  const m = GROUP_METRICS;
  const rows = subgroups > m.maxSubgroupRows ? m.maxSubgroupRows + 1 : subgroups;
  return { width: m.width, height: m.padding * 2 + m.header + m.bar + m.names + m.footer + (rows > 0 ? rows * m.subgroupRow + 8 : 0) };
}

/** An expanded group's grid of tiles: one square per environment, in rows of `columns`. */
export const TILE_METRICS = {
  tile: 16,
  gap: 4,
  /** The group's name, counts and the button that collapses it. */
  header: 44,
  padding: 12,
  minColumns: 8,
  maxColumns: 60,
} as const;

/** The number of columns and the box of a grid of `count` tiles: about twice as wide as tall. */
export function tilesNodeSize(count: number): { width: number; height: number; columns: number } {
  const m = TILE_METRICS;
  const columns = Math.max(m.minColumns, Math.min(m.maxColumns, Math.ceil(Math.sqrt(count * 2))));
  const rows = Math.ceil(count / columns);
  const step = m.tile + m.gap;
  return {
    columns,
    width: Math.max(GROUP_METRICS.width, m.padding * 2 + columns * step - m.gap),
    height: m.padding * 2 + m.header + rows * step - m.gap,
  };
}
