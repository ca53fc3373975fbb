/** Kept for older imports: dates are written by common/dates. */
export { formatDay } from './dates';
