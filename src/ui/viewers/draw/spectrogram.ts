/** Draws an AudioClip's spectrogram: time across, log-spaced frequency up, 80 dB of range. */
import type { AudioClip } from '../../../engine/values';
import { stft } from '../stft';
import { clear, heatColor, viewerTheme } from './theme';

/** Draws the first channel's STFT into w×h; `playhead` is in seconds. */
export function drawSpectrogram(ctx: CanvasRenderingContext2D, clip: AudioClip, w: number, h: number, playhead?: number | null): void {
  clear(ctx, w, h);
  const ch = clip.channels[0];
  if (!ch || ch.length < 64) return;
  const size = ch.length >= 2048 ? 1024 : 256;
  const s = stft(ch, size, Math.min(600, Math.max(64, Math.floor(w))));
  let top = -Infinity;
  for (const v of s.db) top = Math.max(top, v);
  const rows = Math.max(1, Math.floor(Math.min(h, 256)));
  const img = ctx.createImageData(s.frames, rows);
  const fmin = 30; const nyq = clip.sampleRate / 2;
  for (let r = 0; r < rows; r++) {
    // Row 0 is the top (highest frequency); frequencies are spaced logarithmically.
    const freq = fmin * (nyq / fmin) ** (1 - r / (rows - 1 || 1));
    const bin = Math.min(s.bins - 1, Math.round((freq / nyq) * s.bins));
    for (let f = 0; f < s.frames; f++) {
      const t = (s.db[f * s.bins + bin] - (top - 80)) / 80;
      const [R, G, B] = heatColor(t);
      const k = (r * s.frames + f) * 4;
      img.data[k] = R; img.data[k + 1] = G; img.data[k + 2] = B; img.data[k + 3] = 255;
    }
  }
  const off = new OffscreenCanvas(s.frames, rows);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, w, h);
  if (h > 100) {
    ctx.font = viewerTheme.font;
    ctx.fillStyle = viewerTheme.text;
    ctx.textBaseline = 'bottom';
    ctx.fillText(`${fmin} Hz – ${(nyq / 1000).toFixed(1)} kHz (log)`, 6, h - 3);
  }
  if (playhead !== null && playhead !== undefined) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(Math.round((playhead / (ch.length / clip.sampleRate)) * w), 0, 2, h);
  }
}
