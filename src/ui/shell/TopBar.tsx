/** The top bar: file commands, run controls and the transport. */
import { useApp } from '../AppContext';
import { exportMidi, exportWav } from '../files/exports';
import { newPatch, openPatchFile, savePatch } from '../files/documents';
import { useStore } from '../state/store';
import { RunControls } from './RunControls';
import { TransportControls } from './TransportControls';
import { LiveControls } from '../live/LiveControls';

/** The bar across the top of the page. */
export function TopBar() {
  const app = useApp();
  const { editor, ui } = app;
  const title = useStore(editor.state, (s) => s.patch.meta.title);
  const dirty = useStore(editor.state, (s) => s.dirty);
  const canUndo = useStore(editor.state, (s) => s.canUndo);
  const canRedo = useStore(editor.state, (s) => s.canRedo);
  const overlay = (o: 'gallery' | 'share' | 'help') => () => ui.set((s) => ({ ...s, overlay: o }));
  return (
    <header className="gp-topbar">
      <div className="gp-brand" title={title}>
        <span className="gp-logo">◈ genpatch</span>
        <span className="gp-doc-title" data-testid="patch-title">{title}{dirty ? ' •' : ''}</span>
      </div>
      <nav className="gp-bar-group" aria-label="File">
        <button type="button" onClick={() => newPatch(app)} title="New patch (Alt N)">New</button>
        <button type="button" onClick={() => void openPatchFile(app)} title="Open a patch (Ctrl O)">Open</button>
        <button type="button" onClick={() => void savePatch(app, false)} title="Save (Ctrl S)" data-testid="save">Save</button>
        <button type="button" onClick={() => void savePatch(app, true)} title="Save as (Ctrl Shift S)">Save as</button>
        <button type="button" onClick={overlay('gallery')} data-testid="examples">Examples</button>
        <button type="button" onClick={overlay('share')} data-testid="share-button">Share</button>
        <button type="button" onClick={() => void exportMidi(app)} title="Export MIDI with the patch embedded">MIDI ↓</button>
        <button type="button" onClick={() => void exportWav(app)} title="Export WAV with the patch embedded">WAV ↓</button>
      </nav>
      <nav className="gp-bar-group" aria-label="Edit">
        <button type="button" onClick={() => editor.undo()} disabled={!canUndo} title="Undo (Ctrl Z)" data-testid="undo">↶</button>
        <button type="button" onClick={() => editor.redo()} disabled={!canRedo} title="Redo (Ctrl Shift Z)" data-testid="redo">↷</button>
      </nav>
      <RunControls />
      <TransportControls />
      <LiveControls />
      <button type="button" className="gp-help-button" onClick={overlay('help')} title="Keyboard shortcuts (?)">?</button>
    </header>
  );
}
