/** Draws one resolved preview on a canvas of a given size (node thumbnail or side-panel view). */
import { memo, useEffect, useRef } from 'react';
import { drawGrid } from './draw/grid';
import { drawHeatmap } from './draw/heatmap';
import { drawLine } from './draw/line';
import { drawPianoRoll } from './draw/pianoroll';
import { drawSpectrogram } from './draw/spectrogram';
import { drawWaveform } from './draw/waveform';
import { drawXY } from './draw/xy';
import type { ResolvedPreview } from './resolve';

/** Props: the preview, its CSS size, and an optional playhead (beats for notes, seconds for audio). */
export interface PreviewCanvasProps {
  preview: ResolvedPreview;
  width: number;
  height: number;
  playhead?: number | null;
}

/** A canvas drawing of a preview; text previews render as preformatted text. */
export const PreviewCanvas = memo(function PreviewCanvas({ preview, width, height, playhead }: PreviewCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw(ctx, preview, width, height, playhead);
  }, [preview, width, height, playhead]);
  if (preview.kind === 'text' && preview.preview.kind === 'text') {
    return <pre className="preview-text" style={{ width, maxHeight: height }}>{preview.preview.text}</pre>;
  }
  return <canvas ref={ref} className="preview-canvas" style={{ width, height }} aria-label={preview.title} />;
});

function draw(ctx: CanvasRenderingContext2D, p: ResolvedPreview, w: number, h: number, playhead?: number | null): void {
  switch (p.kind) {
    case 'pianoroll': return drawPianoRoll(ctx, p.notes, w, h, playhead);
    case 'waveform': return drawWaveform(ctx, p.clip, w, h, playhead);
    case 'spectrogram': return drawSpectrogram(ctx, p.clip, w, h, playhead);
    default: {
      const q = p.preview;
      if (q.kind === 'heatmap') drawHeatmap(ctx, q, w, h);
      else if (q.kind === 'line') drawLine(ctx, q, w, h);
      else if (q.kind === 'grid') drawGrid(ctx, q, w, h);
      else if (q.kind === 'xy') drawXY(ctx, q, w, h);
    }
  }
}
