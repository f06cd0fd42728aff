/** Draws a heatmap preview (e.g. a Markov transition matrix) as coloured cells. */
import type { Preview } from '../../../engine/node';
import { clear, heatColor, viewerTheme } from './theme';

type Heatmap = Extract<Preview, { kind: 'heatmap' }>;

/** Draws `p` into a w×h area, with row/column labels when large enough. */
export function drawHeatmap(ctx: CanvasRenderingContext2D, p: Heatmap, w: number, h: number): void {
  clear(ctx, w, h);
  if (p.rows <= 0 || p.cols <= 0) return;
  const labels = h > 140 && (p.rowLabels || p.colLabels);
  const left = labels ? 34 : 0;
  const top = labels ? 16 : 0;
  const cw = (w - left) / p.cols;
  const ch = (h - top) / p.rows;
  let max = 0;
  for (const v of p.data) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      const v = p.data[r * p.cols + c] ?? 0;
      const [R, G, B] = heatColor(max > 0 ? Math.abs(v) / max : 0);
      ctx.fillStyle = `rgb(${R | 0},${G | 0},${B | 0})`;
      ctx.fillRect(left + c * cw, top + r * ch, Math.ceil(cw), Math.ceil(ch));
    }
  }
  if (!labels) return;
  ctx.font = viewerTheme.font;
  ctx.fillStyle = viewerTheme.text;
  ctx.textBaseline = 'middle';
  // Label every k-th row/column so labels never overlap (rows need ~12 px, columns ~24 px).
  const every = (minPx: number, px: number): number => Math.max(1, Math.ceil(minPx / Math.max(px, 1)));
  p.rowLabels?.forEach((l, r) => { if (r % every(12, ch) === 0) ctx.fillText(l, 2, top + (r + 0.5) * ch); });
  ctx.textBaseline = 'top';
  p.colLabels?.forEach((l, c) => { if (c % every(24, cw) === 0) ctx.fillText(l, left + c * cw + 1, 2); });
}
