import { suggestWard, type WardChoice } from './locations.js';

const WARDS: WardChoice[] = [
  { id: 'catering', name: 'Catering', siteName: 'Riverside General Hospital' },
  { id: 'ward10', name: 'Ward 10 — General Surgery', siteName: 'Riverside General Hospital' },
  { id: 'labour', name: 'Maternity — Labour Ward', siteName: 'Riverside General Hospital' },
  { id: 'beech', name: 'Beech Ward — Rehabilitation', siteName: 'Northgate Community Hospital' },
  { id: 'outpatients-r', name: 'Outpatients', siteName: 'Riverside General Hospital' },
  { id: 'outpatients-n', name: 'Outpatients', siteName: 'Northgate Community Hospital' },
];

describe('suggestWard', () => {
  it.each([
    ['Riverside General Hospital · Catering', 'catering'],
    ['RIVERSIDE GENERAL HOSPITAL - CATERING', 'catering'],
    ['Catering', 'catering'],
    ['Riverside General Hospital · Ward 10 — General Surgery', 'ward10'],
    ['Riverside General Hospital · Maternity - Labour Ward', 'labour'],
    ['Northgate Community Hospital · Outpatients', 'outpatients-n'],
    ['Riverside General Hospital, Outpatients', 'outpatients-r'],
  ])('%j → %s', (location, ward) => {
    expect(suggestWard(location, WARDS)).toBe(ward);
  });

  it.each([
    // Not the ward's name: a guess would be wrong as often as right.
    ['Northgate Community Hospital · Rehabilitation Ward', 'a ward not in the map'],
    ['Riverside General Hospital · Portering', 'a service with no ward'],
    // Two wards of that name, and no site to tell them apart.
    ['Outpatients', 'two wards of that name'],
    // The wrong site for the only ward of that name.
    ['Northgate Community Hospital · Catering', 'another site'],
    ['', 'nothing'],
  ])('%j is left to the user (%s)', (location) => {
    expect(suggestWard(location, WARDS)).toBeNull();
  });

  it('does not require the site when the ward has none recorded, but then takes only the exact name', () => {
    expect(suggestWard('Catering', [{ id: 'c', name: 'Catering' }])).toBe('c');
    expect(suggestWard('Somewhere · Catering', [{ id: 'c', name: 'Catering' }])).toBeNull();
  });
});
