/** Refusals and missing devices become statuses (the working path runs in Chromium with a fake device: tests/e2e/specs/liveio.ts). */
import { describe, expect, it } from 'vitest';
import { openMicrophone } from '../../../src/audio/inputs';

const ctx = {} as AudioContext; // never reached: every case here fails before a node is made
const rejecting = (name: string, message: string) => () => Promise.reject(Object.assign(new Error(message), { name }));

describe('openMicrophone', () => {
  it('reports a refusal, a missing device and an unknown failure', async () => {
    const denied = await openMicrophone(ctx, { getUserMedia: rejecting('NotAllowedError', 'Permission denied') });
    expect([denied.status, denied.message, denied.node]).toEqual(['denied', 'microphone permission was refused: Permission denied', null]);
    const none = await openMicrophone(ctx, { getUserMedia: rejecting('NotFoundError', 'Requested device not found') });
    expect(none.status).toBe('no-device');
    const other = await openMicrophone(ctx, { getUserMedia: rejecting('AbortError', 'Timeout starting video source') });
    expect(other.status).toBe('error');
    expect(other.message).toMatch(/could not be opened: Timeout/);
    other.stop(); // harmless on a failed input
  });

  it('asks for the raw signal with the chosen device, and reports a page without mediaDevices as unsupported', async () => {
    let asked: MediaStreamConstraints | undefined;
    await openMicrophone(ctx, { deviceId: 'mic-2', getUserMedia: (c) => { asked = c; return Promise.reject(Object.assign(new Error('x'), { name: 'NotFoundError' })); } });
    expect(asked).toEqual({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, deviceId: { exact: 'mic-2' } }, video: false });
    // Node has no navigator.mediaDevices.
    expect((await openMicrophone(ctx)).status).toBe('unsupported');
  });
});
