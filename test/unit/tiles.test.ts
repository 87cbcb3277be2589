import { describe, expect, it } from 'vitest';
import { TILE_METRICS, isReleaseDataError, tileCenter, tileInDirection, tilesNodeSize } from '../../src/headless';

describe('tileInDirection', () => {
  // 10 tiles in rows of 4:  0 1 2 3 / 4 5 6 7 / 8 9
  const at = (index: number, key: Parameters<typeof tileInDirection>[3]) => tileInDirection(10, 4, index, key);

  it('moves along a row and between rows', () => {
    expect(at(5, 'ArrowRight')).toBe(6);
    expect(at(5, 'ArrowLeft')).toBe(4);
    expect(at(5, 'ArrowDown')).toBe(9);
    expect(at(5, 'ArrowUp')).toBe(1);
  });

  it('stops at the edges of the grid', () => {
    expect(at(3, 'ArrowRight')).toBeUndefined();
    expect(at(4, 'ArrowLeft')).toBeUndefined();
    expect(at(1, 'ArrowUp')).toBeUndefined();
    expect(at(9, 'ArrowRight')).toBeUndefined();
    // Below 6 there is no tile (the last row is short).
    expect(at(6, 'ArrowDown')).toBeUndefined();
  });

  it('goes to the start and end of a row, and of the grid', () => {
    expect(at(6, 'Home')).toBe(4);
    expect(at(6, 'End')).toBe(7);
    expect(at(8, 'End')).toBe(9);
    expect(at(6, 'PageUp')).toBe(0);
    expect(at(6, 'PageDown')).toBe(9);
  });

  it('refuses a grid it could not lay out', () => {
    for (const run of [() => tileInDirection(10, 0, 1, 'ArrowRight'), () => tileInDirection(10, 4, 10, 'ArrowLeft'), () => tileInDirection(-1, 4, 0, 'Home')]) {
      let error: unknown;
      try {
        run();
      } catch (caught) {
        error = caught;
      }
      expect(isReleaseDataError(error)).toBe(true);
    }
  });
});

describe('tileCenter', () => {
  it('is inside the box tilesNodeSize gives, below the header, one step apart', () => {
    const { columns, width, height } = tilesNodeSize(250);
    const m = TILE_METRICS;
    const first = tileCenter(0, columns);
    expect(first).toEqual({ x: m.padding + m.tile / 2, y: m.padding + m.header + m.tile / 2 });
    expect(tileCenter(1, columns).x - first.x).toBe(m.tile + m.gap);
    expect(tileCenter(columns, columns).y - first.y).toBe(m.tile + m.gap);
    const last = tileCenter(249, columns);
    expect(last.x + m.tile / 2).toBeLessThanOrEqual(width - m.padding);
    expect(last.y + m.tile / 2).toBe(height - m.padding);
  });
});
