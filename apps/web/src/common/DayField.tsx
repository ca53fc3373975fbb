import { DateField, type DateFieldProps } from 'react-admin';

const OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };

/**
 * A calendar date stored as 'YYYY-MM-DD' (no time, no zone), shown as "5 Mar 2025". The string
 * parses as UTC midnight, so it is formatted in UTC too and never slips to the previous day.
 */
export const DayField = (props: DateFieldProps) => (
  <DateField locales="en-GB" options={OPTIONS} emptyText="—" {...props} />
);
