/** The side-panel viewer: the selected node's previews drawn large; notes and audio play with a playhead. */
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../AppContext';
import { useKeyed } from '../state/keyedStore';
import { useStore } from '../state/store';
import { PreviewCanvas } from './PreviewCanvas';
import { resolvePreviews, type ResolvedPreview } from './resolve';

/** Shows every preview of the selected node (or of the output node when nothing is selected). */
export function ViewerPanel() {
  const { editor, runtime } = useApp();
  const selection = useStore(editor.state, (s) => s.selection);
  const outputId = useStore(editor.state, (s) => s.patch.nodes.find((n) => n.type === 'audio.output')?.id ?? null);
  const id = selection.length === 1 ? selection[0] : outputId;
  const result = useKeyed(runtime.results, id ?? '');
  const run = useKeyed(runtime.status, id ?? '');
  const width = usePanelWidth();
  const previews = resolvePreviews(result);
  if (!id) return <div className="gp-viewer gp-empty" data-testid="viewer"><p>Select a node to see its output.</p></div>;
  return (
    <div className="gp-viewer" data-testid="viewer">
      {run?.status === 'failed' && <div className="gp-error-box">{run.error}</div>}
      {previews.length === 0 && run?.status !== 'failed' && <p className="gp-muted">No preview yet for {id}. It appears after a run.</p>}
      {previews.map((p, i) => <PreviewBlock key={`${id}:${i}:${p.kind}`} preview={p} width={width} />)}
      {result?.ms !== undefined && <p className="gp-muted">ran in {result.ms.toFixed(1)} ms{result.ms === 0 ? ' (cached)' : ''}</p>}
    </div>
  );
}

function PreviewBlock({ preview, width }: { preview: ResolvedPreview; width: number }) {
  const { player } = useApp();
  const playing = useStore(player.state, (s) => s.playing);
  const [mine, setMine] = useState(false);
  const playhead = usePlayhead(mine && playing, preview, player.state.get().tempo);
  const playable = preview.kind === 'pianoroll' || preview.kind === 'waveform';
  const height = preview.kind === 'text' ? 220 : preview.kind === 'pianoroll' || preview.kind === 'spectrogram' ? 200 : 150;
  const toggle = (): void => {
    if (mine && playing) { player.stop(); setMine(false); return; }
    setMine(true);
    if (preview.kind === 'pianoroll') void player.playNotes(preview.notes);
    else if (preview.kind === 'waveform') void player.playClip(preview.clip);
  };
  useEffect(() => { if (!playing) setMine(false); }, [playing]);
  return (
    <figure className="gp-preview-block">
      <figcaption>
        <span>{preview.title}</span><small>{preview.kind}</small>
        {playable && <button type="button" className="gp-small" onClick={toggle}>{mine && playing ? '■ stop' : '▶ play'}</button>}
      </figcaption>
      <PreviewCanvas preview={preview} width={width} height={height} playhead={playhead} />
    </figure>
  );
}

/** The playhead position (beats for notes, seconds for audio) while playing, else null. */
function usePlayhead(active: boolean, preview: ResolvedPreview, tempo: number): number | null {
  const { player } = useApp();
  const [pos, setPos] = useState<number | null>(null);
  useEffect(() => {
    if (!active) { setPos(null); return; }
    let raf = 0;
    const tick = (): void => {
      const s = player.position();
      setPos(s === null ? null : preview.kind === 'pianoroll' ? (s * tempo) / 60 : s);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [active, preview, tempo, player]);
  return pos;
}

/** Width available inside the side panel. */
function usePanelWidth(): number {
  const [w, setW] = useState(320);
  const ref = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const el = document.querySelector('.gp-side');
    if (!el) return;
    ref.current = new ResizeObserver(([e]) => setW(Math.max(200, Math.floor(e.contentRect.width - 28))));
    ref.current.observe(el);
    return () => ref.current?.disconnect();
  }, []);
  return w;
}
