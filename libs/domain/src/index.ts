export * from './workplace.js';
export * from './grades.js';
export * from './membership.js';
export * from './density.js';
