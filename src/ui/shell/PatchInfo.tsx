/** The patch tab of the side panel: title, description, author, licence, and the embedded assets. */
import { useApp } from '../AppContext';
import { useStore } from '../state/store';

const FIELDS = ['title', 'author', 'licence'] as const;

/** Edits the patch's meta. */
export function PatchInfo() {
  const { editor } = useApp();
  const meta = useStore(editor.state, (s) => s.patch.meta);
  const assets = useStore(editor.state, (s) => s.patch.assets);
  const counts = useStore(editor.state, (s) => `${s.patch.nodes.length} nodes · ${s.patch.edges.length} connections`);
  const set = (key: string, value: string): void => {
    if ((meta[key] ?? '') !== value) editor.dispatch({ type: 'setMeta', meta: { [key]: value } });
  };
  return (
    <div className="gp-patchinfo">
      {FIELDS.map((f) => (
        <label key={f} className="gp-field-row">
          <span>{f}</span>
          <input key={String(meta[f] ?? '')} defaultValue={String(meta[f] ?? '')} onBlur={(e) => set(f, e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }} />
        </label>
      ))}
      <label className="gp-field-row">
        <span>description</span>
        <textarea key={String(meta.description ?? '')} rows={5} defaultValue={String(meta.description ?? '')} onBlur={(e) => set('description', e.target.value)} />
      </label>
      <p className="gp-muted">{counts}</p>
      <h4>Embedded files</h4>
      {Object.keys(assets).length === 0 && <p className="gp-muted">None. Drop a MIDI or WAV file on the canvas to embed it.</p>}
      <ul className="gp-ports">
        {Object.entries(assets).map(([id, a]) => <li key={id}><b>{a.name}</b> · {a.mime} · {(a.data.length * 0.75 / 1024).toFixed(1)} KiB</li>)}
      </ul>
    </div>
  );
}
