import { describe, expect, it } from 'vitest';
import { safeHref, shortSha } from '../../src/headless';

describe('safeHref', () => {
  it.each(['https://github.com/acme/checkout/pull/7', 'http://argocd.local/applications/x', 'mailto:ada@example.com'])(
    'keeps %s',
    (url) => expect(safeHref(url)).toBe(url),
  );

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/x',
    '',
    42,
    null,
    undefined,
  ])('rejects %j', (url) => expect(safeHref(url)).toBeUndefined());
});

describe('safeHref for a host\'s own routes', () => {
  it('accepts a root-relative path only when asked', () => {
    expect(safeHref('/products/checkout', { allowPath: true })).toBe('/products/checkout');
    expect(safeHref('/products/checkout')).toBeUndefined();
  });

  it.each(['//evil.example/x', '/\\evil.example/x', 'javascript:alert(1)', 'relative/path'])('still rejects %s', (url) => {
    expect(safeHref(url, { allowPath: true })).toBeUndefined();
  });
});

describe('shortSha', () => {
  it('keeps seven characters', () => expect(shortSha('4f2a9c1e0b7d')).toBe('4f2a9c1'));
  it('has nothing for nothing', () => expect(shortSha(undefined)).toBeUndefined());
});
