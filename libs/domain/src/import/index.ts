/** Importing staff, membership and participation lists (issue 14): fields and mapping, cell parsers, names, rows. */
export * from './fields.js';
export * from './parse.js';
export * from './names.js';
export * from './row.js';
export * from './locations.js';
