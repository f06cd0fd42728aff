/** Transport commands shared by the toolbar and the keyboard. */
import type { AppServices } from '../AppContext';

/** Plays the output audio, or stops what is playing; tells the user when there is nothing to play. */
export async function togglePlay(app: AppServices): Promise<void> {
  if (app.live.state.get().enabled) return app.live.togglePlay();
  if (app.player.state.get().playing) {
    app.player.stop();
    return;
  }
  await app.player.unlock();
  if (app.runtime.busy.get()) await app.runner.idle();
  const clip = app.runner.outputAudio.get();
  if (!clip) {
    app.notify('No output audio yet: connect audio into an Audio output node.', 'error');
    return;
  }
  await app.player.playClip(clip);
}
