/** Demo data: a deterministic, fictional NHS trust (or N of them) with two union organisations. */
export { seedDemo, isDatabaseEmpty, DEMO_SCALE, demoPasswordHash, type SeedSummary, type SeedDemoOptions } from './seed.js';
export {
  generateSeedRows, SEED_TABLES, SEED_TODAY, SIZE_TARGETS,
  type SeedOptions, type SeedSize, type SeedTable, type SeedRow, type SeedRowMap,
} from './generator.js';
export {
  DEMO_LOGINS, DEMO_PASSWORD, DEMO_TRUST, UNISON_ORG_NAME, BMA_ORG_NAME, type DemoLogin,
} from './catalogue.js';
export { DEFAULT_SEED } from './prng.js';
