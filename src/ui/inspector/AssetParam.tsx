/** An asset param: pick one of the patch's embedded assets that fits, or upload a new one. */
import { useRef } from 'react';
import type { AssetParam as AssetSpec } from '../../engine/params';
import { assetAccepted } from '../../engine/patch/readAssets';
import { useApp } from '../AppContext';
import { embedFile } from '../files/assets';
import { useStore } from '../state/store';

/** Props of an asset widget. */
export interface AssetParamProps {
  spec: AssetSpec;
  value: string | string[] | null;
  onChange(value: string | string[] | null): void;
}

/** A select of embedded assets plus an upload button. */
export function AssetParam({ spec, value, onChange }: AssetParamProps) {
  const { editor, notify } = useApp();
  const assets = useStore(editor.state, (s) => s.patch.assets);
  const file = useRef<HTMLInputElement>(null);
  const fitting = Object.entries(assets).filter(([, a]) => assetAccepted(a, spec.accept));
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  const upload = async (f: File): Promise<void> => {
    const id = await embedFile(editor, f);
    onChange(spec.multiple ? [...selected, id] : id);
    notify(`Embedded ${f.name} in the patch`);
  };
  return (
    <div className="gp-asset">
      <select multiple={spec.multiple} value={spec.multiple ? selected : (selected[0] ?? '')}
        onChange={(e) => {
          const ids = [...e.target.selectedOptions].map((o) => o.value).filter(Boolean);
          onChange(spec.multiple ? ids : (ids[0] ?? null));
        }}>
        {!spec.multiple && <option value="">— none —</option>}
        {fitting.map(([id, a]) => <option key={id} value={id}>{a.name}</option>)}
      </select>
      <button type="button" onClick={() => file.current?.click()} title={`Upload ${spec.accept.join(', ')}`}>Upload…</button>
      <input ref={file} type="file" hidden accept={spec.accept.join(',')}
        onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
    </div>
  );
}
