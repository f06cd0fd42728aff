import { describe, expect, it } from 'vitest';
import { searchNodes } from '../../src/ui/palette/search';
import { testRegistry } from './fixtures';

describe('searchNodes', () => {
  const defs = testRegistry().list();
  it('ranks title prefixes first and requires every word', () => {
    expect(searchNodes(defs, 'sh')[0].type).toBe('test.shift');
    expect(searchNodes(defs, 'shift pitches').map((d) => d.type)).toEqual(['test.shift']);
    expect(searchNodes(defs, 'nothing-like-this')).toEqual([]);
    expect(searchNodes(defs, '')).toHaveLength(3);
  });
});
