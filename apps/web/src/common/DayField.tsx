import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatDateTime, formatDay } from './dates';

interface DateFieldProps extends FieldProps {
  source: string;
  emptyText?: string;
}

/** A calendar date ('YYYY-MM-DD'), or the UK day of an instant, as "5 Mar 2025" (see common/dates). */
export const DayField = ({ emptyText = '—', ...props }: DateFieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {formatDay(value) || emptyText}
    </Typography>
  );
};

/** An instant with its time, "5 Mar 2025, 14:03", in UK time. */
export const DateTimeField = ({ emptyText = '—', ...props }: DateFieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {formatDateTime(value) || emptyText}
    </Typography>
  );
};
