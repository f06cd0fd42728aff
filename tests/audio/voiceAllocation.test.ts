import { describe, expect, it } from 'vitest';
import { allocateVoices } from '../../src/audio/voiceAllocation';

describe('allocateVoices', () => {
  it('reuses a voice once it is free and adds one for overlaps', () => {
    expect(allocateVoices([{ time: 0, until: 1 }, { time: 0.5, until: 2 }, { time: 1.2, until: 2 }]))
      .toEqual({ voiceOf: [0, 1, 0], voiceCount: 2 });
  });

  it('needs as many voices as the largest chord and never overlaps notes on one voice', () => {
    const spans = [0, 0, 0, 0.5, 1, 1, 1.5].map((time, i) => ({ time, until: time + (i % 2 ? 0.7 : 1.2) }));
    const { voiceOf, voiceCount } = allocateVoices(spans);
    for (let v = 0; v < voiceCount; v++) {
      const mine = spans.filter((_, i) => voiceOf[i] === v).sort((a, b) => a.time - b.time);
      for (let k = 1; k < mine.length; k++) expect(mine[k].time).toBeGreaterThanOrEqual(mine[k - 1].until);
    }
    let maxOverlap = 0;
    for (const s of spans) maxOverlap = Math.max(maxOverlap, spans.filter((o) => o.time <= s.time && o.until > s.time).length);
    expect(voiceCount).toBe(maxOverlap);
  });

  it('handles no notes', () => {
    expect(allocateVoices([])).toEqual({ voiceOf: [], voiceCount: 0 });
  });
});
