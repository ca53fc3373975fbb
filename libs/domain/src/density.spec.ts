import { coverageStatus, density, formatDensity, repsNeeded } from './density.js';

describe('density', () => {
  it('is members over headcount', () => {
    expect(density(40, 50)).toBeCloseTo(0.8);
  });
  it('is undefined for nobody', () => {
    expect(density(0, 0)).toBeNull();
    expect(formatDensity(0, 0)).toBe('—');
  });
  it('refuses more members than staff', () => {
    expect(() => density(6, 5)).toThrow(RangeError);
  });
  it('rates rep coverage against 1:20 and 1:50', () => {
    expect(coverageStatus(1, 20)).toBe('ON_TARGET');
    expect(coverageStatus(1, 21)).toBe('BELOW_TARGET');
    expect(coverageStatus(1, 51)).toBe('FAILING');
    expect(coverageStatus(0, 10)).toBe('NO_REP');
    expect(repsNeeded(1, 41)).toBe(2);
  });
});
