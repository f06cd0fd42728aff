/** Draws a line-plot preview (fitness curves, losses, envelopes) with a legend. */
import type { Preview } from '../../../engine/node';
import { clear, drawTitle, viewerTheme } from './theme';

type Line = Extract<Preview, { kind: 'line' }>;

/** Draws every series of `p` scaled to a shared y range. */
export function drawLine(ctx: CanvasRenderingContext2D, p: Line, w: number, h: number): void {
  clear(ctx, w, h);
  let lo = Infinity; let hi = -Infinity; let n = 0;
  for (const s of p.series) {
    n = Math.max(n, s.values.length);
    for (const v of s.values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  if (!Number.isFinite(lo)) return;
  if (hi === lo) { hi += 1; lo -= 1; }
  const pad = h > 100 ? 18 : 4;
  const y = (v: number): number => pad + (1 - (v - lo) / (hi - lo)) * (h - 2 * pad);
  const x = (i: number): number => 4 + (n > 1 ? i / (n - 1) : 0.5) * (w - 8);
  ctx.strokeStyle = viewerTheme.grid;
  ctx.lineWidth = 1;
  for (let k = 0; k <= 4; k++) {
    const yy = pad + (k / 4) * (h - 2 * pad);
    ctx.beginPath(); ctx.moveTo(0, yy); ctx.lineTo(w, yy); ctx.stroke();
  }
  p.series.forEach((s, si) => {
    ctx.strokeStyle = viewerTheme.series[si % viewerTheme.series.length];
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    s.values.forEach((v, i) => (i === 0 ? ctx.moveTo(x(i), y(v)) : ctx.lineTo(x(i), y(v))));
    ctx.stroke();
  });
  if (h <= 100) return;
  drawTitle(ctx, p.title, h);
  ctx.font = viewerTheme.font;
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = viewerTheme.text;
  ctx.fillText(`${fmt(lo)} … ${fmt(hi)}${p.yLabel ? ` ${p.yLabel}` : ''}`, 6, h - 3);
  let lx = w - 6;
  ctx.textAlign = 'right';
  for (let si = p.series.length - 1; si >= 0; si--) {
    ctx.fillStyle = viewerTheme.series[si % viewerTheme.series.length];
    ctx.fillText(p.series[si].name, lx, h - 3);
    lx -= ctx.measureText(p.series[si].name).width + 10;
  }
  ctx.textAlign = 'left';
}

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2));
