import { describe, expect, it } from 'vitest';
import { shownTimeZone } from '../../src/headless/internal';

describe('shownTimeZone', () => {
  it("shows the reader's zone only once hydrated, and UTC with its name before", () => {
    expect(shownTimeZone(undefined, false)).toEqual({ timeZone: 'UTC', named: true });
    expect(shownTimeZone(undefined, true)).toEqual({ timeZone: undefined, named: false });
  });

  it('shows a zone the host pinned before and after hydration, without a name', () => {
    for (const hydrated of [false, true]) {
      expect(shownTimeZone('Asia/Kolkata', hydrated)).toEqual({ timeZone: 'Asia/Kolkata', named: false });
      // Pinned to UTC on purpose: the host chose it, so it is not named either.
      expect(shownTimeZone('UTC', hydrated)).toEqual({ timeZone: 'UTC', named: false });
    }
  });
});
