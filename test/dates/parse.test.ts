import { describe, expect, it } from 'vitest';
import { monthRange } from '#shared/dates/parse.ts';

describe('monthRange', () => {
  it('ends each month on its own last day (a "31st" of February would be 2 March)', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(monthRange('2024-04')).toEqual({ from: '2024-04-01', to: '2024-04-30' });
    expect(monthRange('2024-12')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });
});
