import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/models/lifecycle.js';

describe('dayOf', () => {
  it('is the day toISOString() gives, for any moment', () => {
    for (const iso of ['2026-12-01T00:00:00.000Z', '2026-12-01T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '1999-02-28T12:00:00.000Z', '2024-02-29T05:06:07.000Z', '9999-12-31T23:59:59.999Z', '+010000-01-01T00:00:00.000Z']) {
      expect(dayOf(new Date(iso)), iso).toBe(new Date(iso).toISOString().slice(0, 10));
    }
    for (let t = -5e12; t < 5e12; t += 7_777_777_777) expect(dayOf(new Date(t))).toBe(new Date(t).toISOString().slice(0, 10));
  });
});
