import { Initial1795426496291 } from './1795426496291-initial.js';

/** Every migration, oldest first. Add new ones here (generate with database/generate-migration.ts). */
export const MIGRATIONS = [Initial1795426496291];
