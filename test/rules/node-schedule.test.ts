import { describe, expect, it } from 'vitest';
import { isLtsLine, previousSupportedLts } from '../../src/core/node-schedule.js';

describe('the previous LTS line, from the shipped release schedule', () => {
  it('on 2026-12-03: 24 below 26 and 25, 22 below 24; none below 22 once 20 is past its end of life', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    expect([26, 25, 24, 22].map((m) => previousSupportedLts(m, now))).toEqual([24, 24, 22, undefined]);
  });

  it('a line the table does not know yet (28) falls back to the newest supported LTS it knows', () => {
    expect(previousSupportedLts(28, new Date('2026-12-03T00:00:00Z'))).toBe(26);
  });

  it('after 24 reaches its end of life (2028-04-30), 22 is not offered either: the next supported one is', () => {
    expect(previousSupportedLts(26, new Date('2028-05-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('whether a line is LTS, from the shipped release schedule (when no lts tag or release index can say)', () => {
  it('26 only from its Active LTS date (2026-10-28); past-EOL LTS lines still count; odd lines never; a newer even line is unknown', () => {
    expect(isLtsLine(26, new Date('2026-10-27T00:00:00Z'))).toBe(false);
    expect(isLtsLine(26, new Date('2026-10-28T00:00:00Z'))).toBe(true);
    expect([20, 14, 25, 27].map((m) => isLtsLine(m, new Date('2026-12-03T00:00:00Z')))).toEqual([true, true, false, false]);
    expect(isLtsLine(28, new Date('2026-12-03T00:00:00Z'))).toBeUndefined();
  });
});
