import { useMemo } from 'react';
import { shortSha, toCommitStatus, type CommitStatusResult, type GitHubCommitState, type Release } from 'gitops-releases/headless';
import { Link } from './router';
import { links } from './routes';

const STATE_LABEL: Record<GitHubCommitState, string> = {
  success: 'Successful',
  pending: 'In progress',
  failure: 'Failing',
  error: 'Errored',
};

/**
 * What GitHub shows under the release's commit: the statuses the platform posts with
 * `toCommitStatus` (one for the release, one per environment outside a group). Their Details links are absolute
 * URLs of this dashboard; clicking one here opens the release page in the app, as following it
 * from GitHub would in a new page.
 */
export function CommitChecks({ release }: { release: Release }) {
  const checks = useMemo(() => {
    try {
      const detailsUrl = (environment?: string) => links.url({ product: release.product, releaseId: release.id, environment });
      // One status per environment, but none per member of a group: a fleet's 2,000 stores
      // would bury the checks (and pass the 1,000 statuses GitHub keeps for a commit).
      const grouped = new Set(release.environments.filter((env) => env.group !== undefined).map((env) => env.name));
      return [
        ...toCommitStatus(release, { provider: 'github', detailsUrl }),
        ...toCommitStatus(release, { provider: 'github', detailsUrl, perEnvironment: true }).filter((check) => !grouped.has(check.environment ?? '')),
      ];
    } catch {
      return undefined;
    }
  }, [release]);

  if (!checks) return null;
  const sha = checks[0]?.sha;
  const pending = checks.filter((check) => check.payload.state === 'pending').length;
  const failing = checks.filter((check) => check.payload.state === 'failure' || check.payload.state === 'error').length;
  const summary = failing ? 'Some checks were not successful' : pending ? 'Some checks haven’t completed yet' : 'All checks have passed';

  return (
    <section className="host-card host-panel host-checks" aria-labelledby="commit-checks-title">
      <h2 className="host-panel__title" id="commit-checks-title">
        Commit checks
      </h2>
      <p className="host-muted">
        As GitHub shows them on <span className="host-mono">{shortSha(sha)}</span>
      </p>
      <p className="host-checks__summary" data-state={failing ? 'failure' : pending ? 'pending' : 'success'}>
        {summary}
      </p>
      <ul className="host-checks__list">
        {checks.map((check) => (
          <Check key={`${check.sha} ${check.payload.context}`} check={check} />
        ))}
      </ul>
    </section>
  );
}

function Check({ check }: { check: CommitStatusResult<'github'> }) {
  const { state, context, description, target_url } = check.payload;
  return (
    <li className="host-check" data-state={state}>
      <CheckIcon state={state} />
      <span className="host-visually-hidden">{STATE_LABEL[state]}: </span>
      <span className="host-check__text">
        <strong className="host-check__context">{context}</strong> — {description}
      </span>
      <Link href={target_url} className="host-check__details" aria-label={`Details of ${context}`}>
        Details
      </Link>
    </li>
  );
}

function CheckIcon({ state }: { state: GitHubCommitState }) {
  return (
    <svg className="host-check__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {state === 'success' ? (
        <path d="M3.5 8.5 6.5 11.5 12.5 4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      ) : state === 'pending' ? (
        <circle cx="8" cy="8" r="4" fill="currentColor" />
      ) : (
        <path d="M4.5 4.5 11.5 11.5M11.5 4.5 4.5 11.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}
