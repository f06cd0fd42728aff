/** The keyboard-shortcut help overlay (opened with ?). */
import { Overlay } from './Overlay';
import { shortcuts } from './shortcuts';

/** Lists every shortcut and the mouse gestures. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <Overlay title="Keyboard shortcuts" onClose={onClose} testId="help">
      <table className="gp-keys">
        <tbody>
          {shortcuts.map((s) => <tr key={s.keys}><td><kbd>{s.keys}</kbd></td><td>{s.label}</td></tr>)}
          <tr><td><kbd>Double-click canvas</kbd></td><td>Quick-add a node at the pointer</td></tr>
          <tr><td><kbd>Shift drag</kbd></td><td>Box select</td></tr>
          <tr><td><kbd>Ctrl click</kbd></td><td>Add to the selection</td></tr>
          <tr><td><kbd>Drop a file</kbd></td><td>Open a patch, or add a MIDI / WAV file (rendered files reopen their patch)</td></tr>
        </tbody>
      </table>
    </Overlay>
  );
}
