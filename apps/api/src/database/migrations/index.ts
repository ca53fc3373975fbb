import { Initial1795426930173 } from './1795426930173-initial.js';

/** Every migration, oldest first. Add new ones here (generate with database/generate-migration.ts). */
export const MIGRATIONS = [Initial1795426930173];
