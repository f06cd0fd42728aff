import { describe, expect, it } from 'vitest';
import { isBlackKey, keyAction, keyLabel, noteName } from '../../../../src/ui/live/widgets/keyboardMap';
import { checkRange, clampValue, formatValue, fromUnit, keyStep, toUnit } from '../../../../src/ui/live/widgets/valueMath';

describe('widget value math', () => {
  it('maps positions linearly and logarithmically, both ways', () => {
    const lin = { min: -1, max: 3 };
    expect(fromUnit(0.25, lin)).toBe(0);
    expect(toUnit(2, lin)).toBe(0.75);
    const log = { min: 20, max: 20000, scale: 'log' as const };
    expect(fromUnit(0.5, log)).toBeCloseTo(Math.sqrt(20 * 20000), 6);
    expect(toUnit(200, log)).toBeCloseTo(1 / 3, 9);
    expect(toUnit(1e6, log)).toBe(1);
  });

  it('snaps to steps and clamps', () => {
    const r = { min: 0, max: 1, step: 0.25 };
    expect(clampValue(0.3, r)).toBe(0.25);
    expect(clampValue(0.9, r)).toBe(1);
    expect(clampValue(-4, r)).toBe(0);
    expect(fromUnit(0.1 + 0.2, { min: 0, max: 1 })).toBe(0.3); // no 0.30000000000000004
  });

  it('moves by 1 %, a step, or 10 % with Shift / PageUp, and jumps with Home/End', () => {
    const r = { min: 0, max: 100 };
    expect(keyStep('ArrowUp', false, 0.5, r)).toBeCloseTo(0.51, 12);
    expect(keyStep('ArrowLeft', true, 0.5, r)).toBeCloseTo(0.4, 12);
    expect(keyStep('PageDown', false, 0.05, r)).toBe(0);
    expect(keyStep('End', false, 0.2, r)).toBe(1);
    expect(keyStep('ArrowRight', false, 0.5, { min: 0, max: 16, step: 1 })).toBeCloseTo(0.5 + 1 / 16, 12);
    expect(keyStep('a', false, 0.5, r)).toBeNull();
  });

  it('rejects unusable ranges and formats values for labels', () => {
    expect(() => checkRange({ min: 1, max: 1 }, 'slider "x"')).toThrow(/slider "x": range needs finite min < max/);
    expect(() => checkRange({ min: 0, max: 1, scale: 'log' }, 'knob "f"')).toThrow(/log range needs min > 0/);
    expect([formatValue(1234.5, 'Hz'), formatValue(12.34), formatValue(0.256), formatValue(3)]).toEqual(['1235 Hz', '12.3', '0.26', '3']);
  });
});

describe('keyboard map', () => {
  it('maps the two rows of keys to semitones and names notes', () => {
    expect(keyAction('KeyA')).toEqual({ kind: 'note', semitone: 0 });
    expect(keyAction('Semicolon')).toEqual({ kind: 'note', semitone: 16 });
    expect(keyAction('KeyX')).toEqual({ kind: 'octave', delta: 1 });
    expect(keyAction('KeyC')).toEqual({ kind: 'velocity', delta: -1 });
    expect(keyAction('KeyQ')).toBeNull();
    expect([noteName(60), noteName(61), noteName(21)]).toEqual(['C4', 'C♯4', 'A0']);
    expect([60, 61, 63, 64, 66, 70, 71].map(isBlackKey)).toEqual([false, true, true, false, true, true, false]);
    expect([keyLabel(48, 48), keyLabel(49, 48), keyLabel(64, 48), keyLabel(65, 48)]).toEqual(['A', 'W', ';', null]);
  });
});
