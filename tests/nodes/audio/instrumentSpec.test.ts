import { describe, expect, it } from 'vitest';
import { GM_DRUM_PIECES, gmDrumKit } from '../../../nodes/audio/gmDrumKit';
import { checkInstrumentSpec } from '../../../nodes/audio/instrumentSpec';
import { defaultInstrument } from '../../../nodes/audio/multiInstrumentNode';

describe('instrument specs', () => {
  it('accepts the default sound of every instrument', () => {
    for (const kind of ['poly', 'fm', 'am', 'drums', 'piano'] as const) expect(checkInstrumentSpec(defaultInstrument(kind)), kind).toBeNull();
  });

  it('names the field that is wrong', () => {
    const poly = defaultInstrument('poly');
    expect(checkInstrumentSpec({ ...poly, oscillator: 'pulse' })).toMatch(/instrument\.oscillator/);
    expect(checkInstrumentSpec({ ...poly, envelope: { attack: 0, decay: 0, sustain: 2, release: 0 } })).toMatch(/envelope\.sustain/);
    expect(checkInstrumentSpec({ ...poly, volumeDb: NaN })).toMatch(/volumeDb/);
    expect(checkInstrumentSpec({ kind: 'organ', volumeDb: 0 })).toMatch(/instrument\.kind/);
    expect(checkInstrumentSpec(null)).toMatch(/expected an object/);
    const kit = gmDrumKit();
    expect(checkInstrumentSpec({ ...kit, pieces: { ...kit.pieces, 36: { ...kit.pieces['36'], octaves: 9 } } })).toMatch(/pieces\["36"\]\.octaves/);
    expect(checkInstrumentSpec({ ...kit, pieces: { kick: kit.pieces['36'] } })).toMatch(/MIDI note/);
  });

  it('maps every GM percussion note 35–81 with the expected families', () => {
    for (let n = 35; n <= 81; n++) expect(GM_DRUM_PIECES[n], `GM note ${n}`).toBeDefined();
    expect(GM_DRUM_PIECES[36].synth).toBe('membrane');
    expect(GM_DRUM_PIECES[38].synth).toBe('snare');
    expect(GM_DRUM_PIECES[42].synth).toBe('metal');
    expect(GM_DRUM_PIECES[49].synth).toBe('metal');
    expect(GM_DRUM_PIECES[70].synth).toBe('noise');
  });

  it('tunes and rescales the kit', () => {
    const kit = gmDrumKit({ tune: 12, decayScale: 0.5 });
    const kick = kit.pieces['36'];
    const base = GM_DRUM_PIECES[36];
    expect(kick.synth === 'membrane' && base.synth === 'membrane' && kick.frequency / base.frequency).toBeCloseTo(2);
    expect(kick.decay).toBeCloseTo(base.decay / 2);
  });
});
