import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random.ts';

describe('SeededRandom', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
  });

  it('uniforms lie in [0, 1) and normals have mean 0 and variance 1', () => {
    const r = new SeededRandom(7);
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(outside).toBe(0);
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[r.index(5)]!++;
    for (const k of counts) expect(Math.abs(k - 10_000)).toBeLessThan(500);
  });
});
