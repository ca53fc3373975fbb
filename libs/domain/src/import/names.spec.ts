import { jaroWinkler, NAME_MATCH_THRESHOLD, nameSimilarity, splitFullName, tidyNameCase } from './names.js';

describe('splitFullName', () => {
  it.each([
    ['Bartek Jones', { firstName: 'Bartek', lastName: 'Jones' }],
    ['Jones, Bartek', { firstName: 'Bartek', lastName: 'Jones' }],
    ['JONES, Bartek (Bart)', { firstName: 'Bartek', lastName: 'Jones', preferredName: 'Bart' }],
    ['Jones, Bartek Mr', { firstName: 'Bartek', lastName: 'Jones' }],
    ['Mrs Amara Okafor', { firstName: 'Amara', lastName: 'Okafor' }],
    ['Dr. Amara Okafor', { firstName: 'Amara', lastName: 'Okafor' }],
    ['Robert "Bob" Smith', { firstName: 'Robert', lastName: 'Smith', preferredName: 'Bob' }],
    ['Mary Ann Smith', { firstName: 'Mary', lastName: 'Smith' }],
    ['Mary-Ann Smith-Jones', { firstName: 'Mary-Ann', lastName: 'Smith-Jones' }],
    ["SIOBHAN O'NEILL", { firstName: 'Siobhan', lastName: "O'Neill" }],
    ['ana de la cruz', { firstName: 'Ana', lastName: 'de la Cruz' }],
    ['Ludwig van Beethoven', { firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ['  Bartek   Jones  ', { firstName: 'Bartek', lastName: 'Jones' }],
    ['MCDONALD, Ewan', { firstName: 'Ewan', lastName: 'McDonald' }],
    ['Zoë Núñez', { firstName: 'Zoë', lastName: 'Núñez' }],
    ['DeShawn McAllister', { firstName: 'DeShawn', lastName: 'McAllister' }],
    ['Jones, Bartek (Bartek)', { firstName: 'Bartek', lastName: 'Jones' }],
  ])('%j → %j', (name, parts) => {
    expect(splitFullName(name)).toEqual(parts);
  });

  it.each(['Madonna', '', '   ', 'Mr Jones', 'Jones,', ', Bartek', 'Dr'])('%j has no first and last name', (name) => {
    expect(splitFullName(name)).toBeNull();
  });
});

describe('tidyNameCase', () => {
  it.each([['JONES', 'Jones'], ['jones', 'Jones'], ["o'neill", "O'Neill"], ['SMITH-JONES', 'Smith-Jones'], ['McAllister', 'McAllister'], ['DeShawn', 'DeShawn'], ['J', 'J']])(
    '%j → %j', (word, tidied) => {
      expect(tidyNameCase(word)).toBe(tidied);
    },
  );
});

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
});

describe('nameSimilarity', () => {
  const same = (a: string, b: string) => expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(NAME_MATCH_THRESHOLD);
  const different = (a: string, b: string) => expect(nameSimilarity(a, b)).toBeLessThan(NAME_MATCH_THRESHOLD);

  it('is 1 for the same name however it is written', () => {
    for (const [a, b] of [
      ['Bartek Jones', 'bartek jones'], ['Jones, Bartek', 'Bartek Jones'], ['JONES, Bartek', 'Bartek Jones'], ['José Núñez', 'Jose Nunez'],
      ["Siobhan O'Neill", 'Siobhan ONeill'], ['Mary Smith-Jones', 'Mary Smith Jones'], ['Dr Amara Okafor', 'Amara Okafor'],
      ['Robert (Bob) Smith', 'Bob Smith'], ['JONES, Bartek (Bart)', 'Bart Jones'], ['Robert (Bob) Smith', 'Robert Smith'],
    ]) {
      expect(nameSimilarity(a, b)).toBe(1);
    }
  });

  it('is symmetric', () => {
    for (const [a, b] of [['Bartek Jones', 'Bartek Jonas'], ['B. Jones', 'Bartek Jones'], ['Mary Ann Smith', 'Mary Smith']]) {
      expect(nameSimilarity(a, b)).toBe(nameSimilarity(b, a));
    }
  });

  it('finds a typo, an initial, a missing middle name or second surname likely the same', () => {
    same('Bartek Jones', 'Bartek Jonas');
    same('Bartek Jones', 'Bartec Jones');
    same('Catherine Murphy', 'Catharine Murphy');
    same('B. Jones', 'Bartek Jones');
    same('B Jones', 'Bartek Jones');
    same('Mary Ann Smith', 'Mary Smith');
    same('Mary Ann Smith', 'Maryann Smith');
    same('Ana Garcia Lopez', 'Ana Garcia');
    same('Sarah Khan', 'Sara Khan');
    same('Jon Smith', 'John Smith');
  });

  it('keeps different people apart', () => {
    different('Ben Jones', 'Bea Jones');
    different('Bartek Jones', 'Oliver Jones');
    different('Oliver Brown', 'Qasim Brown');
    different('Ann Smith', 'Ian Smith');
    different('Bartek Jones', 'Bartek Brown');
    different('Ben Okafor', 'Amara Okafor');
    different('A Jones', 'Bartek Jones');
    different('John Smith', 'Jane Smith');
    different('Oliver Brown', 'Olivia Brown');
  });

  it('is 0 with nothing to compare', () => {
    expect(nameSimilarity('', 'Bartek Jones')).toBe(0);
    expect(nameSimilarity('Mr', 'Bartek Jones')).toBe(0);
  });

  it('stays between 0 and 1', () => {
    for (const [a, b] of [['a', 'b'], ['Bartek Jones', 'Jones Bartek Jones'], ['x y z', 'x']]) {
      expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(0);
      expect(nameSimilarity(a, b)).toBeLessThanOrEqual(1);
    }
  });
});
