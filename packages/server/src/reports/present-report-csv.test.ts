import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './present-report-csv.ts';

describe('neutraliseFormula', () => {
  it('defuses text a spreadsheet would run as a formula, and leaves figures alone', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example")')).toBe('\'=HYPERLINK("http://evil.example")');
    expect(neutraliseFormula('+1 more meetings')).toBe("'+1 more meetings");
    expect(neutraliseFormula('-be kinder')).toBe("'-be kinder");
    expect(neutraliseFormula('@mention')).toBe("'@mention");
    expect(neutraliseFormula('Listens well')).toBe('Listens well');
    expect(neutraliseFormula(-0.5)).toBe(-0.5);
    expect(neutraliseFormula(null)).toBeNull();
  });
});
