import type { Commit, PullRequest, ReleaseIssueRef, ReleaseNotes } from '../model/types';
import { iso, person, phrase } from './engine';
import type { Rng } from './rng';

const KEYS = ['CHK', 'PAY', 'OPS'];

/**
 * What a team's releases bring: commits to the product's applications, now and then a pull
 * request or an issue key. Numbers only grow, so no two releases bring the same pull request,
 * issue or commit unless the later carries what the earlier never delivered. `age`: the fewest
 * and most seconds a commit waits before the release that brings it.
 *
 * The notes of a release created at `created` whose applications are `pool`: 1 to 5 new commits,
 * newest first, each dated before `created`; then what `carried` holds (the changes of releases
 * that never reached production since the last one that did).
 */
export function changes(r: Rng, age: readonly [number, number]) {
  let pr = 1000;
  let issue = 1000;
  // One string per repository, however many commits link to it.
  const repos = new Map<string, string>();
  return (created: number, pool: readonly string[], carried?: ReleaseNotes): ReleaseNotes => {
    const ages = Array.from({ length: r.int(1, 5) }, () => r.int(age[0], age[1]) * 1000).sort((a, b) => a - b);
    const commits = ages.map((ms): Commit => {
      const application = r.pick(pool);
      const sha = r.hex(40);
      let repoUrl = repos.get(application);
      if (repoUrl === undefined) repos.set(application, (repoUrl = `https://github.com/acme/${application}`));
      return { sha, message: phrase(r), author: person(r), date: iso(created - ms), repoUrl, branch: 'main', url: `${repoUrl}/commit/${sha}`, application };
    });
    const { application, message = '', author } = commits[0]!;
    // Literals, not pushes: a pushed array keeps room for 16 more, which 100,000 releases pay for.
    let pullRequests: PullRequest[] = [];
    if (r.next() < 0.5) {
      const id = String(pr++);
      const repo = `acme/${application}`;
      pullRequests = [{ id, title: message, url: `https://github.com/${repo}/pull/${id}`, author: { ...author! }, state: 'merged', repo, application }];
    }
    let issues: ReleaseIssueRef[] = [];
    if (r.next() < 0.4) {
      const key = `${r.pick(KEYS)}-${issue++}`;
      issues = [{ key, title: phrase(r), url: `https://acme.atlassian.net/browse/${key}`, application }];
    }
    return carried
      ? {
          images: [],
          issues: [...issues, ...carried.issues],
          pullRequests: [...pullRequests, ...carried.pullRequests],
          commits: [...commits, ...carried.commits],
        }
      : { images: [], issues, pullRequests, commits };
  };
}
