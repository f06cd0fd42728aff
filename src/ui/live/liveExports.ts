/** Saves a live take as WAV or MIDI with the patch embedded, named after the patch. */
import { serializePatch } from '../../engine/patch';
import type { LiveTake } from '../../audio/live/liveRecorder';
import type { AppServices } from '../AppContext';
import { patchFileName } from '../files/documents';
import { download } from '../files/fileSystem';

/** Downloads the take's audio (`wav`) or notes (`midi`); tells the user what was saved. */
export function exportTake(app: AppServices, take: LiveTake, kind: 'wav' | 'midi'): void {
  const session = app.live.session.get();
  if (!session) {
    app.notify('Turn Live on to export its take.', 'error');
    return;
  }
  const patchJson = serializePatch(app.editor.state.get().patch);
  const base = `${patchFileName(app).replace(/\.genpatch\.json$|\.json$/, '')}-live`;
  if (kind === 'wav') download(session.recorder.wav(take, patchJson), `${base}.wav`, 'audio/wav');
  else download(session.recorder.midi(take, patchJson), `${base}.mid`, 'audio/midi');
  app.notify(`Exported ${base}.${kind === 'wav' ? 'wav' : 'mid'}`);
}
