import { useCallback, useState, type SetStateAction } from 'react';
import type { GroupingOptions, Release } from 'gitops-releases/headless';
import { expandGroups, groupReleaseEnvironments, groupsToOpenFor } from '../../headless/internal';
import { useControllableState } from '../internal/use-controllable-state';
import type { ReleaseGraphProps } from './types';

const NONE: readonly string[] = [];

/** Group ids as the props give them, kept only when they are a list of strings (they may come from a URL). */
function idsOf(value: unknown): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : NONE;
}

/**
 * The graph's open groups, controlled (`expandedGroups`) or not (`defaultExpandedGroups`). A deep
 * link's environment shows from the first render, the server's included: uncontrolled, the groups
 * it is in start open; controlled, the graph asks the host to open them once it is mounted.
 */
export function useExpandedGroups(
  props: Pick<ReleaseGraphProps, 'expandedGroups' | 'defaultExpandedGroups' | 'onExpandedGroupsChange' | 'defaultFocusEnvironment' | 'focusEnvironment'> & {
    release: Release;
    grouping: GroupingOptions;
  },
): [readonly string[], (next: SetStateAction<readonly string[]>) => void] {
  const { onExpandedGroupsChange } = props;
  const [initial] = useState(() => {
    const base = idsOf(props.defaultExpandedGroups) ?? NONE;
    const focus = props.defaultFocusEnvironment ?? props.focusEnvironment;
    if (typeof focus !== 'string') return base;
    try {
      const grouping = groupReleaseEnvironments(props.release, props.grouping);
      return grouping.groupsOf.has(focus) ? expandGroups(base, groupsToOpenFor(grouping, focus)) : base;
    } catch {
      // Bad data: the layout reports it.
      return base;
    }
  });
  const onChange = useCallback((next: readonly string[]) => onExpandedGroupsChange?.([...next]), [onExpandedGroupsChange]);
  return useControllableState<readonly string[]>(idsOf(props.expandedGroups), initial, onChange);
}
