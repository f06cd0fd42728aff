/** Draws a cellular-automaton grid (one row per step) as pixels. */
import { clear, viewerTheme } from './theme';

/** Draws `steps` rows of `width` cells, scaled to fill w×h; live cells light up. */
export function drawGrid(ctx: CanvasRenderingContext2D, grid: { width: number; steps: number; cells: Uint8Array }, w: number, h: number): void {
  clear(ctx, w, h);
  if (grid.width <= 0 || grid.steps <= 0) return;
  const img = ctx.createImageData(grid.width, grid.steps);
  let maxState = 1;
  for (const c of grid.cells) maxState = Math.max(maxState, c);
  for (let i = 0; i < grid.cells.length; i++) {
    const v = grid.cells[i] / maxState;
    img.data[i * 4] = 16 + v * (79 - 16);
    img.data[i * 4 + 1] = 18 + v * (208 - 18);
    img.data[i * 4 + 2] = 23 + v * (225 - 23);
    img.data[i * 4 + 3] = 255;
  }
  const off = new OffscreenCanvas(grid.width, grid.steps);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, w, h);
  ctx.strokeStyle = viewerTheme.grid;
  ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
}
