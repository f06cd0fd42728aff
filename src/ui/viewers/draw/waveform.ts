/** Draws an AudioClip's waveform as min/max bars per pixel column. */
import type { AudioClip } from '../../../engine/values';
import { clear, viewerTheme } from './theme';

/** Draws the first channel (or the mix of two) into w×h; `playhead` is in seconds. */
export function drawWaveform(ctx: CanvasRenderingContext2D, clip: AudioClip, w: number, h: number, playhead?: number | null): void {
  clear(ctx, w, h);
  const ch = clip.channels[0];
  if (!ch || ch.length === 0) return;
  const mid = h / 2;
  ctx.fillStyle = viewerTheme.grid;
  ctx.fillRect(0, Math.round(mid), w, 1);
  const cols = Math.max(1, Math.floor(w));
  const per = ch.length / cols;
  ctx.fillStyle = viewerTheme.accent2;
  for (let c = 0; c < cols; c++) {
    const a = Math.floor(c * per);
    const b = Math.max(a + 1, Math.floor((c + 1) * per));
    let mn = 1; let mx = -1;
    for (let i = a; i < b && i < ch.length; i++) {
      let v = ch[i];
      if (clip.channels.length > 1) v = (v + clip.channels[1][i]) / 2;
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    if (mx < mn) continue;
    const y0 = mid - Math.max(-1, Math.min(1, mx)) * mid * 0.95;
    const y1 = mid - Math.max(-1, Math.min(1, mn)) * mid * 0.95;
    ctx.fillRect(c, y0, 1, Math.max(1, y1 - y0));
  }
  const seconds = ch.length / clip.sampleRate;
  if (h > 100) {
    ctx.font = viewerTheme.font;
    ctx.fillStyle = viewerTheme.text;
    ctx.textBaseline = 'bottom';
    ctx.fillText(`${seconds.toFixed(2)} s · ${clip.sampleRate} Hz · ${clip.channels.length} ch`, 6, h - 3);
  }
  if (playhead !== null && playhead !== undefined) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(Math.round((playhead / seconds) * w), 0, 2, h);
  }
}
