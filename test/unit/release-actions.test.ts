import { describe, expect, it } from 'vitest';
import { STATUSES, releaseActions, type Status } from '../../src/headless';

describe('releaseActions', () => {
  it.each<[Status, { retry: boolean; terminate: boolean }]>([
    ['queued', { retry: false, terminate: true }],
    ['pending', { retry: false, terminate: true }],
    ['running', { retry: false, terminate: true }],
    ['suspended', { retry: false, terminate: true }],
    ['succeeded', { retry: false, terminate: false }],
    ['failed', { retry: true, terminate: false }],
    ['error', { retry: true, terminate: false }],
    ['terminating', { retry: false, terminate: false }],
    ['terminated', { retry: false, terminate: false }],
    ['skipped', { retry: false, terminate: false }],
    ['unknown', { retry: false, terminate: false }],
  ])('a %s release allows %j', (status, expected) => {
    expect(releaseActions({ status })).toEqual(expected);
  });

  it('covers every status of the vocabulary above', () => {
    expect(STATUSES).toHaveLength(11);
  });

  it('allows nothing for a status outside the vocabulary, even an Object.prototype name', () => {
    for (const status of ['constructor', '__proto__', 'toString', 'FAILED', '']) {
      expect(releaseActions({ status: status as Status })).toEqual({ retry: false, terminate: false });
    }
  });
});
