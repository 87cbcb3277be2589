import { memo, useId, useMemo } from 'react';
import type { ApplicationState, EnvironmentStep, Release } from 'gitops-releases/headless';
import { shortSha } from '../../headless/internal';
import { cx } from '../internal/cx';
import { Link } from '../internal/Link';
import { StateMessage } from '../internal/StateMessage';
import { StatusBadge } from '../StatusBadge';
import { useNumberFormatter } from '../internal/time';
import { environmentsOf } from './clock';
import { useViewMessages } from '../provider/component-messages';

export interface ApplicationsTableProps {
  release: Release;
  className?: string;
}

interface Row {
  key: string;
  environment: EnvironmentStep;
  app: ApplicationState;
}

const COLUMNS = ['environment', 'application', 'namespace', 'version', 'commit', 'sync', 'health', 'promotion'] as const;

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Every application of every environment, one row each. Rows are plain (no virtualisation): a
 * 300-environment release has about a thousand, which the browser draws without trouble.
 */
export const ApplicationsTable = /* @__PURE__ */ memo(function ApplicationsTable({ release, className }: ApplicationsTableProps) {
  const captionId = useId();
  const text = useViewMessages().text.applications;
  const formatNumber = useNumberFormatter();
  const rows = useMemo(() => {
    const out: Row[] = [];
    for (const environment of environmentsOf(release)) {
      const apps = Array.isArray(environment.applications) ? environment.applications : [];
      apps.forEach((app, index) => out.push({ key: `${environment.name}\u0000${app?.name}\u0000${index}`, environment, app }));
    }
    return out;
  }, [release]);

  if (rows.length === 0) {
    return <StateMessage kind="empty" title={text.empty} detail={text.emptyDetail} className={className} />;
  }

  const environmentCount = new Set(rows.map((row) => row.environment.name)).size;
  return (
    <div
      className={cx('gr-release-applications', className)}
      // A wide table scrolls sideways in its own box, which keyboard users must be able to reach.
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="gr-release-applications__table">
        <caption id={captionId} className="gr-release-applications__caption">
          {text.caption(textOf(release.name) ?? textOf(release.product) ?? text.unnamedRelease, rows.length, environmentCount, formatNumber)}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="gr-release-applications__head" data-column={column}>
                {text.columns[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ApplicationRow key={row.key} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
});

function ApplicationRow({ row: { environment, app } }: { row: Row }) {
  const text = useViewMessages().text.applications;
  const sha = textOf(app?.commitSha);
  return (
    <tr className="gr-release-applications__row" data-environment={environment.name}>
      <td className="gr-release-applications__cell" data-column="environment">
        <span className="gr-release-applications__truncate" title={environment.name}>
          {environment.name}
        </span>
      </td>
      <th scope="row" className="gr-release-applications__cell" data-column="application">
        <Link href={app?.url} className="gr-release-applications__truncate" title={textOf(app?.name)}>
          {textOf(app?.name) ?? text.unnamedApplication}
        </Link>
      </th>
      <td className="gr-release-applications__cell" data-column="namespace">
        {textOf(app?.namespace) ?? <Missing />}
      </td>
      <td className="gr-release-applications__cell" data-column="version">
        {textOf(app?.version) ?? <Missing />}
      </td>
      <td className="gr-release-applications__cell" data-column="commit">
        {sha ? (
          <code className="gr-release-applications__sha" title={sha}>
            {shortSha(sha)}
          </code>
        ) : (
          <Missing />
        )}
      </td>
      <td className="gr-release-applications__cell" data-column="sync">
        <StatusBadge kind="sync" status={app?.sync} size="sm" />
      </td>
      <td className="gr-release-applications__cell" data-column="health">
        <StatusBadge kind="health" status={app?.health} size="sm" />
      </td>
      <td className="gr-release-applications__cell" data-column="promotion">
        {app?.promotion ? <StatusBadge status={app.promotion} size="sm" /> : <Missing />}
      </td>
    </tr>
  );
}

/** An empty cell that a screen reader still reads as empty, not as a dash. */
function Missing() {
  const { common } = useViewMessages();
  return (
    <span className="gr-release-applications__missing">
      <span aria-hidden="true">–</span>
      <span className="gr-visually-hidden">{common.none}</span>
    </span>
  );
}
