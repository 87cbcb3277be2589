import type { ReleaseGrouping } from 'gitops-releases/headless';
import { StatusBadge } from '../StatusBadge';
import { useNumberFormatter } from '../internal/time';
import { useGraphMessages } from '../provider/component-messages';

/** How many top-level units the outline lists before "N more environments". */
const SHOWN = 24;

/**
 * What a big graph shows while its layout runs in a worker: the top level of its groups (name,
 * status and size, which need no layout), so the page says at once what is where and how it
 * stands, and a status line that a screen reader announces.
 */
export function GraphSkeleton({ grouping, count, height }: { grouping?: ReleaseGrouping; count: number; height: number | string }) {
  const { text } = useGraphMessages();
  const format = useNumberFormatter();
  const roots = grouping?.roots ?? [];
  const shown = roots.slice(0, SHOWN);
  const rest = roots.slice(SHOWN).reduce((sum, unit) => sum + (unit.type === 'group' ? (grouping?.groups.get(unit.id)?.members.length ?? 0) : 1), 0);
  return (
    <div className="gr-release-graph__skeleton" aria-busy="true" style={{ minHeight: typeof height === 'number' ? Math.min(height, 240) : undefined }}>
      <p className="gr-release-graph__skeleton-status" role="status">
        {text.layingOut(count, format)}
      </p>
      {shown.length > 0 ? (
        <ol className="gr-release-graph__skeleton-units">
          {shown.map((unit) => {
            const group = unit.type === 'group' ? grouping?.groups.get(unit.id) : undefined;
            const key = unit.type === 'group' ? `g:${unit.id}` : `e:${unit.name}`;
            return (
              <li key={key} className="gr-release-graph__skeleton-unit" data-status={group?.status}>
                <span className="gr-release-graph__skeleton-name">{group ? group.label : unit.type === 'environment' ? unit.name : ''}</span>
                {group ? (
                  <>
                    <span className="gr-release-graph__skeleton-count">{text.members(group.members.length, format)}</span>
                    <StatusBadge status={group.status} size="sm" />
                  </>
                ) : null}
              </li>
            );
          })}
          {rest > 0 ? <li className="gr-release-graph__skeleton-unit">{text.more(rest, format)}</li> : null}
        </ol>
      ) : null}
    </div>
  );
}
