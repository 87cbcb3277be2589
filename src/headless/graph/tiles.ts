import { ReleaseDataError } from '../adapters/errors';
import { TILE_METRICS } from './node-size';
import type { Point } from './layout';

/**
 * The keys that move inside a grid of tiles: arrows by one tile, Home and End to the start and
 * end of the row, PageUp and PageDown to the first and last tile.
 */
export type TileKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/**
 * Where a key goes from tile `index` in a grid of `count` tiles in rows of `columns` (row by row,
 * as `tilesNodeSize` lays them out), or `undefined` at the grid's edge. Raises `ReleaseDataError`
 * for a grid it could not lay out (no columns, an index outside it).
 */
export function tileInDirection(count: number, columns: number, index: number, key: TileKey): number | undefined {
  if (!Number.isInteger(count) || count < 0) throw new ReleaseDataError('A grid needs a count of tiles', '$.count', count);
  if (!Number.isInteger(columns) || columns < 1) throw new ReleaseDataError('A grid needs at least one column', '$.columns', columns);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new ReleaseDataError('No tile has this index', '$.index', index);
  const rowStart = index - (index % columns);
  let next: number;
  switch (key) {
    case 'ArrowLeft':
      next = index % columns === 0 ? -1 : index - 1;
      break;
    case 'ArrowRight':
      next = (index + 1) % columns === 0 ? -1 : index + 1;
      break;
    case 'ArrowUp':
      next = index - columns;
      break;
    case 'ArrowDown':
      next = index + columns;
      break;
    case 'Home':
      next = rowStart;
      break;
    case 'End':
      next = Math.min(rowStart + columns - 1, count - 1);
      break;
    case 'PageUp':
      next = 0;
      break;
    case 'PageDown':
      next = count - 1;
      break;
    default:
      return undefined;
  }
  return next >= 0 && next < count ? next : undefined;
}

/**
 * The centre of tile `index` in a grid with `columns` columns, from the grid node's top-left
 * corner: where to pan to show one environment of an open group.
 */
export function tileCenter(index: number, columns: number): Point {
  const m = TILE_METRICS;
  const step = m.tile + m.gap;
  const column = index % columns;
  const row = Math.floor(index / columns);
  return { x: m.padding + column * step + m.tile / 2, y: m.padding + m.header + row * step + m.tile / 2 };
}
