import { describe, expect, it } from 'vitest';
import { nextItemCode } from './FrameworkEditorPage.tsx';

describe('nextItemCode', () => {
  it('numbers a new item after those of its competency, skipping codes in use', () => {
    expect(nextItemCode([{ code: 'L1.1' }, { code: 'L1.2' }, { code: 'L2.1' }], 'L1')).toBe('L1.3');
    expect(nextItemCode([{ code: 'L1.1' }, { code: 'L1.3' }], 'L1')).toBe('L1.4');
    expect(nextItemCode([], 'M7')).toBe('M7.1');
  });
});
