import { describe, expect, it } from 'vitest';
import { statusBadge } from './indicatorStatus';

describe('indicator status badge', () => {
  it('never relies on colour alone', () => {
    expect(statusBadge('BEHIND').symbol).toBe('▲');
    expect(statusBadge('ACHIEVED').className).toContain('achieved');
    expect(statusBadge(undefined).symbol).toBe('―');
  });
});
