import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('expires entries after their time limit and drops the oldest beyond its size', () => {
    let now = 1000;
    const c = new TtlCache<string>(500, 2, () => now);
    c.set('a', 'A');
    c.set('b', 'B');
    expect(c.get('a')).toBe('A');
    now = 1499;
    expect(c.get('b')).toBe('B');
    now = 1500;
    expect(c.get('a')).toBeUndefined();
    c.set('c', 'C');
    c.set('d', 'D');
    c.set('e', 'E');
    expect([c.get('c'), c.get('d'), c.get('e')]).toEqual([undefined, 'D', 'E']);
    c.delete('d');
    expect(c.get('d')).toBeUndefined();
  });
});
