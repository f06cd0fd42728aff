/** Draws a NoteSequence as a piano roll: beats across, pitch up, bar lines, one colour per voice. */
import type { NoteSequence } from '../../../engine/values';
import { clear, viewerTheme } from './theme';

/** Draws `seq` into w×h; `playhead` (beats) draws a cursor. */
export function drawPianoRoll(ctx: CanvasRenderingContext2D, seq: NoteSequence, w: number, h: number, playhead?: number | null): void {
  clear(ctx, w, h);
  const length = Math.max(seq.length, 1);
  let lo = 127; let hi = 0;
  for (const n of seq.notes) { lo = Math.min(lo, n.pitch); hi = Math.max(hi, n.pitch); }
  if (lo > hi) { lo = 60; hi = 72; }
  lo = Math.max(0, lo - 2); hi = Math.min(127, hi + 2);
  const rows = hi - lo + 1;
  const rowH = h / rows;
  const x = (beat: number): number => (beat / length) * w;
  if (rowH >= 4) {
    for (let p = lo; p <= hi; p++) {
      if ([1, 3, 6, 8, 10].includes(p % 12)) {
        ctx.fillStyle = '#14171d';
        ctx.fillRect(0, h - (p - lo + 1) * rowH, w, rowH);
      }
    }
  }
  const barBeats = (seq.timeSignature.numerator * 4) / seq.timeSignature.denominator;
  for (let b = 0; b <= length; b += 1) {
    const bar = Math.abs(b / barBeats - Math.round(b / barBeats)) < 1e-9;
    if (!bar && w / length < 12) continue;
    ctx.fillStyle = bar ? viewerTheme.gridStrong : viewerTheme.grid;
    ctx.fillRect(Math.round(x(b)), 0, 1, h);
  }
  for (const n of seq.notes) {
    const color = viewerTheme.series[(n.voice ?? 0) % viewerTheme.series.length];
    ctx.globalAlpha = 0.45 + 0.55 * n.velocity;
    ctx.fillStyle = color;
    const nx = x(n.start);
    const nw = Math.max(1.5, x(n.start + n.duration) - nx - 1);
    ctx.fillRect(nx, h - (n.pitch - lo + 1) * rowH, nw, Math.max(1.5, rowH - 1));
  }
  ctx.globalAlpha = 1;
  if (h > 100) {
    ctx.font = viewerTheme.font;
    ctx.fillStyle = viewerTheme.text;
    ctx.textBaseline = 'bottom';
    ctx.fillText(`${seq.notes.length} notes · ${fmtBeats(length)} beats · ${Math.round(seq.tempo)} BPM`, 6, h - 3);
  }
  if (playhead !== null && playhead !== undefined) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(Math.round(x(playhead)), 0, 2, h);
  }
}

const fmtBeats = (b: number): string => (Number.isInteger(b) ? String(b) : b.toFixed(1));
