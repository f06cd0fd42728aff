/** Draws an xy preview (latent maps, trajectories) as joined points with labels. */
import type { Preview } from '../../../engine/node';
import { clear, drawTitle, viewerTheme } from './theme';

type XY = Extract<Preview, { kind: 'xy' }>;

/** Draws the points of `p` scaled to fit w×h, joined in order. */
export function drawXY(ctx: CanvasRenderingContext2D, p: XY, w: number, h: number): void {
  clear(ctx, w, h);
  if (p.points.length === 0) return;
  let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
  for (const q of p.points) { x0 = Math.min(x0, q.x); x1 = Math.max(x1, q.x); y0 = Math.min(y0, q.y); y1 = Math.max(y1, q.y); }
  if (x1 === x0) { x0 -= 1; x1 += 1; }
  if (y1 === y0) { y0 -= 1; y1 += 1; }
  const pad = 10;
  const X = (v: number): number => pad + ((v - x0) / (x1 - x0)) * (w - 2 * pad);
  const Y = (v: number): number => h - pad - ((v - y0) / (y1 - y0)) * (h - 2 * pad);
  ctx.strokeStyle = viewerTheme.gridStrong;
  ctx.lineWidth = 1;
  ctx.beginPath();
  p.points.forEach((q, i) => (i === 0 ? ctx.moveTo(X(q.x), Y(q.y)) : ctx.lineTo(X(q.x), Y(q.y))));
  ctx.stroke();
  const showLabels = h > 100 && p.points.length <= 64;
  ctx.font = viewerTheme.font;
  p.points.forEach((q, i) => {
    ctx.fillStyle = viewerTheme.series[0];
    ctx.globalAlpha = 0.35 + 0.65 * ((i + 1) / p.points.length);
    ctx.beginPath();
    ctx.arc(X(q.x), Y(q.y), h > 100 ? 3.5 : 2, 0, Math.PI * 2);
    ctx.fill();
    if (showLabels && q.label) {
      ctx.fillStyle = viewerTheme.text;
      ctx.fillText(q.label, X(q.x) + 5, Y(q.y) - 5);
    }
  });
  ctx.globalAlpha = 1;
  drawTitle(ctx, p.title, h);
}
