// Release-notes data for the stories: the reference view's notes (with its duplicates), a release
// whose commits follow conventional commits, 500 changes, and a corpus of hostile strings.
import { sampleRelease, type Release, type ReleaseNotes } from 'gitops-releases/headless';

const base = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 3 });
const laurent = { name: 'Lena Rochas', avatarUrl: undefined };
const dustin = { name: 'Dario Van Buren' };
const bug = 'BUG: Flask-UI service not rendering UI components properly';

/** The reference view's notes: one issue three times, one pull request three times. */
export const REFERENCE_NOTES: ReleaseNotes = {
  images: [
    { reference: 'docker.io/aperturesci/flask-ui:main-4026891', repository: 'docker.io/aperturesci/flask-ui', tag: 'main-4026891', application: 'checkout-web' },
    { reference: 'docker.io/aperturesci/buslog:main-da1a16f', repository: 'docker.io/aperturesci/buslog', tag: 'main-da1a16f', application: 'auth-gateway' },
    { reference: 'docker.io/aperturesci/flask-ui:main-e6b514e', repository: 'docker.io/aperturesci/flask-ui', tag: 'main-e6b514e', application: 'pricing-svc' },
  ],
  issues: [
    { key: 'AP-45834', title: bug, url: 'https://aperture.atlassian.net/browse/AP-45834', assignee: laurent, application: 'checkout-web' },
    { key: 'AP-45834', title: bug, url: 'https://aperture.atlassian.net/browse/AP-45834', assignee: laurent, application: 'pricing-svc' },
    { key: 'AP-45834', title: bug, url: 'https://aperture.atlassian.net/browse/AP-45834', assignee: laurent, application: 'checkout-web' },
    { key: 'AP-45812', title: 'Enhancement Request: Add logging and monitoring to k8s application', url: 'https://aperture.atlassian.net/browse/AP-45812', assignee: laurent, application: 'auth-gateway' },
    { key: 'AP-45806', title: bug, url: 'https://aperture.atlassian.net/browse/AP-45806', assignee: dustin, application: 'checkout-web' },
    { key: 'AP-45807', title: 'BUG: Flask-UI service experiencing high memory utilization', url: 'https://aperture.atlassian.net/browse/AP-45807', assignee: dustin, application: 'pricing-svc' },
  ],
  pullRequests: [
    ...[1, 2, 3].map(() => ({
      id: '412',
      title: 'Update logging format in Trio buslog microservice (AP-45812)',
      url: 'https://github.com/aperture/trio/pull/412',
      author: { name: 'fran-coco' },
      state: 'merged' as const,
      repo: 'aperture/trio',
      application: 'auth-gateway',
    })),
    { id: '415', title: 'Add Prometheus metrics endpoint to Trio microservices, fixes #398', url: 'https://github.com/aperture/trio/pull/415', author: { name: 'lrochas' }, state: 'merged', repo: 'aperture/trio', application: 'checkout-web' },
    { id: '418', title: 'Update logging configuration in Trio buslog microservice', url: 'https://github.com/aperture/trio/pull/418', author: { name: 'kostas-k' }, state: 'merged', repo: 'aperture/trio', application: 'auth-gateway' },
  ],
  commits: [
    { sha: '93be767c1f0e4a5b8d2e6f7a9b0c1d2e3f4a5b6c', message: 'promote demo-trioapp-dev to demo-trioapp-qa', author: { name: 'release-bot' }, url: 'https://github.com/aperture/trio/commit/93be767c1f0e4a5b8d2e6f7a9b0c1d2e3f4a5b6c' },
    { sha: 'bb17e3e0a1b2c3d4e5f60718293a4b5c6d7e8f90', message: 'Update values.yaml for AP-45834', author: { name: 'fran-coco' }, url: 'https://github.com/aperture/trio/commit/bb17e3e0a1b2c3d4e5f60718293a4b5c6d7e8f90', application: 'checkout-web' },
  ],
};

export const referenceRelease: Release = { ...base, product: 'demo-trioapp', version: '2.14.0', notes: REFERENCE_NOTES };

/** A release whose pull requests and commits follow conventional commits. */
export const conventionalRelease: Release = {
  ...base,
  notes: {
    images: [],
    issues: [],
    pullRequests: [
      { id: '51', title: 'feat(checkout)!: drop the v1 cart API', state: 'merged', repo: 'acme/cart-api', url: 'https://github.com/acme/cart-api/pull/51', author: { name: 'Ada Lopez' }, application: 'checkout-web' },
      { id: '52', title: 'feat(pricing): currency rounding per region (CHK-1204)', state: 'merged', repo: 'acme/pricing-svc', url: 'https://github.com/acme/pricing-svc/pull/52', author: { name: 'Kenji Sato' }, application: 'pricing-svc' },
      { id: '53', title: 'fix: retry card authorisation once on timeout', state: 'merged', repo: 'acme/payments-api', url: 'https://github.com/acme/payments-api/pull/53', author: { name: 'Omar Haddad' }, application: 'payments-api' },
    ],
    commits: [
      { sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', message: 'perf(cart): cache totals per session', author: { name: 'Lena Novak' }, application: 'checkout-web' },
      { sha: 'b2c3d4e5f60718293a4b5c6d7e8f901234567890', message: 'fix(auth): refresh tokens before expiry\n\nBREAKING CHANGE: tokens now live 15 minutes', author: { name: 'Tom Becker' }, application: 'auth-gateway' },
      { sha: 'c3d4e5f60718293a4b5c6d7e8f90123456789012', message: 'docs: explain the rollout waves', author: { name: 'Priya Nair' } },
      { sha: 'd4e5f60718293a4b5c6d7e8f9012345678901234', message: 'chore(deps): bump react to 19.3', author: { name: 'release-bot' } },
      { sha: 'e5f60718293a4b5c6d7e8f901234567890123456', message: 'Merge branch main into release', author: { name: 'release-bot' } },
    ],
  },
};

/** 500 changes: 125 of each kind across four applications. */
export const bigRelease: Release = (() => {
  const apps = ['checkout-web', 'auth-gateway', 'pricing-svc', 'payments-api'];
  const hex = (n: number) => (n * 2654435761).toString(16).padStart(8, '0').slice(-8).repeat(5);
  const range = Array.from({ length: 125 }, (_, i) => i);
  return {
    ...base,
    notes: {
      images: range.map((i) => ({ reference: `ghcr.io/acme/${apps[i % 4]}:1.${i}.0`, repository: `ghcr.io/acme/${apps[i % 4]}`, tag: `1.${i}.0`, application: apps[i % 4] })),
      issues: range.map((i) => ({ key: `CHK-${2000 + i}`, title: `Checkout change number ${i}`, url: `https://acme.atlassian.net/browse/CHK-${2000 + i}`, assignee: { name: ['Ada Lopez', 'Kenji Sato', 'Omar Haddad'][i % 3]! }, application: apps[i % 4] })),
      pullRequests: range.map((i) => ({ id: String(600 + i), title: `${['feat', 'fix', 'perf', 'refactor'][i % 4]}: change ${i} (CHK-${2000 + i})`, state: 'merged' as const, repo: `acme/${apps[i % 4]}`, url: `https://github.com/acme/${apps[i % 4]}/pull/${600 + i}`, author: { name: 'Lena Novak' }, application: apps[i % 4] })),
      commits: range.map((i) => ({ sha: hex(i + 1), message: `Commit ${i} for CHK-${2000 + i}`, author: { name: 'Tom Becker' }, application: apps[i % 4] })),
    },
  };
})();

/** Strings a hostile or broken source could send: all must render as inert text. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned = 1</script>',
  'javascript:window.__pwned=1',
  '[click me](javascript:window.__pwned=1)',
  '"><svg onload=window.__pwned=1>',
  '\u202Egnp.exe\u202C innocent.png',
  'zero\u200Bwidth\u200Djoiner\uFEFF',
  `${'A very long commit message that goes on and on. '.repeat(2100)}`,
];

export const hostileRelease: Release = {
  ...base,
  notes: {
    images: HOSTILE_STRINGS.map((text, i) => ({ reference: `${text.slice(0, 200)}:${i}`, url: 'javascript:window.__pwned=1' })),
    issues: HOSTILE_STRINGS.map((text, i) => ({ key: `HX-${i}`, title: text, url: i % 2 ? 'javascript:window.__pwned=1' : 'data:text/html,<script>window.__pwned=1</script>', assignee: { name: text.slice(0, 80), avatarUrl: 'javascript:window.__pwned=1' } })),
    pullRequests: HOSTILE_STRINGS.map((text, i) => ({ id: String(i), title: text, url: 'vbscript:msgbox(1)', state: 'open' as const, repo: 'acme/x', author: { name: text.slice(0, 80) } })),
    commits: HOSTILE_STRINGS.map((text, i) => ({ sha: `${'f'.repeat(39)}${i}`, message: text, url: 'javascript:window.__pwned=1', author: { name: 'x' } })),
  },
};
