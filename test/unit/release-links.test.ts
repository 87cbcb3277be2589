import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReleaseDataError } from '../../src/headless';
import {
  createReleaseLinks,
  MAX_RELEASE_LINK_LENGTH,
  parseReleaseHref,
  releaseHref,
  type ReleaseTarget,
} from '../../src/headless/links';
import { ODD_NAMES, PROTOTYPE_NAMES } from '../fixtures/hostile-names';

const ORIGIN = 'https://gitops.example.com';

function dataErrorPath(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isReleaseDataError(error)) return error.path;
    throw error;
  }
  throw new Error('expected a ReleaseDataError');
}

describe('href', () => {
  const links = createReleaseLinks();

  it('links a release', () => {
    expect(links.href({ product: 'checkout', releaseId: 'r-42' })).toBe('/products/checkout/releases/r-42');
  });

  it('adds the environment and the step, in that order, only when given', () => {
    expect(links.href({ product: 'checkout', releaseId: 'r-42', step: 'smoke', environment: 'qa' })).toBe(
      '/products/checkout/releases/r-42?environment=qa&step=smoke',
    );
    expect(links.href({ product: 'checkout', releaseId: 'r-42', environment: 'qa' })).toBe('/products/checkout/releases/r-42?environment=qa');
    expect(links.href({ product: 'checkout', releaseId: 'r-42', step: 'smoke' })).toBe('/products/checkout/releases/r-42?step=smoke');
    expect(links.href({ product: 'checkout', releaseId: 'r-42', environment: '' })).toBe('/products/checkout/releases/r-42');
  });

  it('encodes segments as URI components and the query as a form', () => {
    expect(links.href({ product: 'my app', releaseId: 'v1.2?#%', environment: 'eu west&1', step: 'a=b/c' })).toBe(
      '/products/my%20app/releases/v1.2%3F%23%25?environment=eu+west%261&step=a%3Db%2Fc',
    );
  });

  it.each(['', '/gitops', '/a/b'])('puts basePath %j in front', (basePath) => {
    expect(createReleaseLinks({ basePath }).href({ product: 'p', releaseId: 'r' })).toBe(`${basePath}/products/p/releases/r`);
  });

  it('drops a trailing slash of basePath', () => {
    expect(createReleaseLinks({ basePath: '/gitops/' }).href({ product: 'p', releaseId: 'r' })).toBe('/gitops/products/p/releases/r');
    expect(createReleaseLinks({ basePath: '/' }).href({ product: 'p', releaseId: 'r' })).toBe('/products/p/releases/r');
  });

  it('gives absolute URLs on the origin, and keeps href root-relative', () => {
    const absolute = createReleaseLinks({ basePath: '/gitops', origin: `${ORIGIN}/` });
    expect(absolute.url({ product: 'checkout', releaseId: 'r-42', environment: 'qa' })).toBe(`${ORIGIN}/gitops/products/checkout/releases/r-42?environment=qa`);
    expect(absolute.href({ product: 'checkout', releaseId: 'r-42' })).toBe('/gitops/products/checkout/releases/r-42');
  });

  it('needs an origin for absolute URLs', () => {
    expect(dataErrorPath(() => links.url({ product: 'p', releaseId: 'r' }))).toBe('$.options.origin');
  });

  it.each([
    ['product', { product: '', releaseId: 'r' }, '$.product'],
    ['product', { product: '..', releaseId: 'r' }, '$.product'],
    ['release id', { product: 'p', releaseId: '.' }, '$.releaseId'],
    ['product', { product: 'team/app', releaseId: 'r' }, '$.product'],
    ['release id', { product: 'p', releaseId: 'r\n1' }, '$.releaseId'],
    ['product', { product: 'bad\uD800', releaseId: 'r' }, '$.product'],
    ['environment', { product: 'p', releaseId: 'r', environment: 'qa\u0000' }, '$.environment'],
    ['step', { product: 'p', releaseId: 'r', step: '\uDC00' }, '$.step'],
    ['product', { product: 42, releaseId: 'r' }, '$.product'],
  ])('refuses a %s it could not read back: %j', (_what, target, path) => {
    expect(dataErrorPath(() => links.href(target as unknown as ReleaseTarget))).toBe(path);
  });

  it('refuses to make a link longer than parse accepts', () => {
    expect(dataErrorPath(() => links.href({ product: 'p', releaseId: 'r'.repeat(MAX_RELEASE_LINK_LENGTH) }))).toBe('$');
  });

  it.each(['gitops', '/a/../b', '/a//b', '/a?b', '/a#b', '/a%2Fb', '/a\\b', '/a b'])('refuses basePath %j', (basePath) => {
    expect(dataErrorPath(() => createReleaseLinks({ basePath }))).toBe('$.options.basePath');
  });

  it.each(['gitops.example.com', 'javascript:alert(1)', 'https://gitops.example.com/app', 'https://a:b@gitops.example.com', 'https://gitops.example.com?x'])(
    'refuses origin %j',
    (origin) => {
      expect(dataErrorPath(() => createReleaseLinks({ origin }))).toBe('$.options.origin');
    },
  );

  it('has plain-function forms', () => {
    expect(releaseHref({ product: 'p', releaseId: 'r' }, { basePath: '/g' })).toBe('/g/products/p/releases/r');
    expect(parseReleaseHref('/g/products/p/releases/r', { basePath: '/g' })).toEqual({ product: 'p', releaseId: 'r' });
  });
});

describe('parse', () => {
  const links = createReleaseLinks({ basePath: '/gitops', origin: ORIGIN });

  it('reads a link back, decoding its segments', () => {
    expect(links.parse('/gitops/products/my%20app/releases/r-42?environment=eu+west&step=smoke')).toEqual({
      product: 'my app',
      releaseId: 'r-42',
      environment: 'eu west',
      step: 'smoke',
    });
  });

  it('returns only what the link has', () => {
    const target = links.parse('/gitops/products/checkout/releases/r-42');
    expect(target).toEqual({ product: 'checkout', releaseId: 'r-42' });
    expect(Object.keys(target ?? {})).toEqual(['product', 'releaseId']);
  });

  it('tolerates one trailing slash, unknown parameters and a hash', () => {
    expect(links.parse('/gitops/products/checkout/releases/r-42/?utm_source=chat&environment=qa#graph')).toEqual({
      product: 'checkout',
      releaseId: 'r-42',
      environment: 'qa',
    });
  });

  it('treats an empty parameter as absent', () => {
    expect(links.parse('/gitops/products/checkout/releases/r-42?environment=&step=')).toEqual({ product: 'checkout', releaseId: 'r-42' });
  });

  it('accepts an absolute URL on its own origin, as a string or a URL', () => {
    const href = `${ORIGIN}/gitops/products/checkout/releases/r-42?environment=qa`;
    expect(links.parse(href)).toEqual({ product: 'checkout', releaseId: 'r-42', environment: 'qa' });
    expect(links.parse(new URL(href))).toEqual({ product: 'checkout', releaseId: 'r-42', environment: 'qa' });
  });

  it('accepts only root-relative paths without an origin', () => {
    const relative = createReleaseLinks();
    expect(relative.parse('/products/p/releases/r')).toEqual({ product: 'p', releaseId: 'r' });
    expect(relative.parse(`${ORIGIN}/products/p/releases/r`)).toBeUndefined();
    expect(relative.parse(new URL(`${ORIGIN}/products/p/releases/r`))).toBeUndefined();
  });

  const hostile: [string, unknown][] = [
    ['another origin', 'https://evil.example/gitops/products/p/releases/r'],
    ['another scheme', 'http://gitops.example.com/gitops/products/p/releases/r'],
    ['a look-alike host', 'https://gitops.example.com.evil.example/gitops/products/p/releases/r'],
    ['credentials before another host', 'https://gitops.example.com@evil.example/gitops/products/p/releases/r'],
    ['another port', 'https://gitops.example.com:8443/gitops/products/p/releases/r'],
    ['a protocol-relative URL', '//evil.example/gitops/products/p/releases/r'],
    ['a backslash host', '/\\evil.example/gitops/products/p/releases/r'],
    ['a backslash in the path', '/gitops/products/p\\..\\x/releases/r'],
    ['javascript:', 'javascript:alert(1)//gitops/products/p/releases/r'],
    ['JavaScript: with spaces', ' JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', 'gitops/products/p/releases/r'],
    ['a path outside basePath', '/products/p/releases/r'],
    ['a look-alike basePath', '/gitopsx/products/p/releases/r'],
    ['a raw .. segment', '/gitops/products/../releases/r'],
    ['.. to climb out of basePath', '/gitops/../admin/products/p/releases/r'],
    ['an encoded .. segment', '/gitops/products/%2e%2e/releases/r'],
    ['a mixed-case encoded .. segment', '/gitops/products/p/releases/.%2E'],
    ['an encoded . segment', '/gitops/products/%2E/releases/r'],
    ['an encoded slash', '/gitops/products/a%2Fb/releases/r'],
    ['a lower-case encoded slash', '/gitops/products/p/releases/a%2fb'],
    ['an empty segment', '/gitops/products//releases/r'],
    ['an empty release id', '/gitops/products/p/releases/'],
    ['a doubled slash', '/gitops//products/p/releases/r'],
    ['two trailing slashes', '/gitops/products/p/releases/r//'],
    ['an extra segment', '/gitops/products/p/releases/r/edit'],
    ['a missing segment', '/gitops/products/p/releases'],
    ['another route', '/gitops/products/p/builds/r'],
    ['a raw newline', '/gitops/products/p/releases/r\n'],
    ['a raw tab', '/gitops/products/p\t/releases/r'],
    ['an encoded newline', '/gitops/products/p%0A/releases/r'],
    ['an encoded NUL in the query', '/gitops/products/p/releases/r?environment=qa%00'],
    ['a malformed escape', '/gitops/products/%E0%A4%A/releases/r'],
    ['over-long input', `/gitops/products/p/releases/${'r'.repeat(MAX_RELEASE_LINK_LENGTH)}`],
    ['the empty string', ''],
    ['a number', 42],
    ['null', null],
  ];

  it.each(hostile)('refuses %s', (_what, input) => {
    expect(links.parse(input as string)).toBeUndefined();
  });

  it.each(['//evil.example/products/p/releases/r', '/\\evil.example/products/p/releases/r', '///products/p/releases/r', 'https://evil.example/products/p/releases/r'])(
    'refuses %j at the root too',
    (input) => {
      expect(createReleaseLinks().parse(input)).toBeUndefined();
    },
  );

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.webUrl({ withQueryParameters: true, withFragments: true })), (input) => {
        expect(() => links.parse(input)).not.toThrow();
        expect(() => links.parse(`/gitops/products/${input}/releases/r`)).not.toThrow();
      }),
    );
  });

  it('gives targets that link back to themselves', () => {
    const pieces = fc.constantFrom('/gitops', '/products', '/releases', '/p', '/..', '/%2e', '/%2F', '/%41', '?environment=qa', '&step=', '#x', '/', '%', 'é');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const target = links.parse(parts.join(''));
        if (target !== undefined) expect(links.parse(links.href(target))).toEqual(target);
      }),
    );
  });
});

describe('href and parse round trip', () => {
  // Names as products and environments really have, plus the characters URLs treat specially.
  const name = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.string({ unit: fc.constantFrom('a', ' ', '/', '?', '#', '%', '&', '=', '+', '.', 'é', '😀', '\\'), minLength: 1, maxLength: 12 }),
  );
  const clean = name.filter((value) => !/\p{Cc}/u.test(value));
  // One path segment cannot carry '/' (parse refuses %2F), '.' or '..': href refuses those, tested above.
  const segment = clean.filter((value) => !value.includes('/') && value !== '.' && value !== '..');
  const target = fc.record(
    { product: segment, releaseId: segment, environment: clean, step: clean },
    { requiredKeys: ['product', 'releaseId'] },
  );

  it.each(['', '/gitops', '/a/b'])('reads back every target under basePath %j', (basePath) => {
    const links = createReleaseLinks({ basePath, origin: ORIGIN });
    fc.assert(
      fc.property(target, (t) => {
        expect(links.parse(links.href(t))).toEqual(t);
        expect(links.parse(links.url(t))).toEqual(t);
        expect(links.parse(new URL(links.url(t)))).toEqual(t);
      }),
    );
  });

  it('keeps slashes and other specials in the environment and the step', () => {
    const links = createReleaseLinks();
    const t = { product: 'my app', releaseId: '100%', environment: 'eu/west?#&=+', step: 'a b/c' };
    expect(links.parse(links.href(t))).toEqual(t);
  });
});

describe('open groups in a link', () => {
  const links = createReleaseLinks();
  const base = { product: 'stores', releaseId: 'r-7' };
  const AUTO = '\u0000auto:';

  it('puts each open group in a `group` parameter, in order, after the environment and the step', () => {
    expect(links.href({ ...base, environment: 'store-0001', groups: ['wave-2', 'wave-2/eu-west'] })).toBe(
      '/products/stores/releases/r-7?environment=store-0001&group=wave-2&group=wave-2%2Feu-west',
    );
    expect(links.parse('/products/stores/releases/r-7?group=wave-2&group=wave-2%2Feu-west')).toEqual({ ...base, groups: ['wave-2', 'wave-2/eu-west'] });
    // None open: no parameter, and none read back.
    expect(links.href({ ...base, groups: [] })).toBe('/products/stores/releases/r-7');
    expect(links.parse('/products/stores/releases/r-7')).toEqual(base);
  });

  it('carries automatic groups (whose ids start with a NUL) and names with control characters, escaped', () => {
    const groups = [`${AUTO}store-0001`, 'wave\u0001', '~a', '~~', 'x~u0000'];
    const href = links.href({ ...base, groups });
    expect(href).not.toMatch(/%00|%01/);
    expect(links.parse(href)).toEqual({ ...base, groups });
  });

  it.each([...PROTOTYPE_NAMES, ...ODD_NAMES])('reads back a group named %j', (name) => {
    const groups = [name, `${name}/${name}`, `${AUTO}${name}`];
    expect(links.parse(links.href({ ...base, groups }))).toEqual({ ...base, groups });
  });

  it('leaves out a group parameter it cannot read, and the empty one', () => {
    expect(links.parse('/products/stores/releases/r-7?group=~x&group=ok&group=~u00&group=&group=~')).toEqual({ ...base, groups: ['ok'] });
  });

  it('leaves out the groups that would make the link too long, from the last', () => {
    const groups = Array.from({ length: 200 }, (_, i) => `wave-${i}/${'x'.repeat(20)}`);
    const href = links.href({ ...base, groups });
    expect(href.length).toBeLessThanOrEqual(MAX_RELEASE_LINK_LENGTH);
    const read = links.parse(href)!.groups!;
    expect(read.length).toBeGreaterThan(10);
    expect(read).toEqual(groups.slice(0, read.length));
  });

  it('refuses groups that are not a list of strings', () => {
    expect(dataErrorPath(() => links.href({ ...base, groups: 'wave-1' as unknown as string[] }))).toBe('$.groups');
    expect(dataErrorPath(() => links.href({ ...base, groups: ['wave-1', 3 as unknown as string] }))).toBe('$.groups[1]');
  });

  it('reads back any list of group ids', () => {
    const id = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('~', 'a', 'u', '0', '/', '%', '&', '=', '\u0000', '\u0001'), minLength: 1, maxLength: 10 }),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 6 }), (groups) => {
        const read = links.parse(links.href({ ...base, groups }));
        expect(read?.groups ?? []).toEqual(groups);
      }),
    );
  });
});

it('knows how automatic group ids start', async () => {
  const { AUTO_GROUP_PREFIX } = await import('../../src/headless');
  const links = createReleaseLinks();
  const id = `${AUTO_GROUP_PREFIX}store`;
  expect(links.href({ product: 'p', releaseId: 'r', groups: [id] })).toBe('/products/p/releases/r?group=%7Eastore');
});
