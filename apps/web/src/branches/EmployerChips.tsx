import { Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { WrappingChip } from '../common/WrappingChip';

/** The employers a branch organises, as chips. */
export const EmployerChips = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ employers?: { id: string; name: string }[] }>();
  const employers = record?.employers ?? [];
  if (employers.length === 0) return <>—</>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', minWidth: 0 }} aria-label="Employers">
      {employers.map((e) => (
        <WrappingChip key={e.id} label={e.name} />
      ))}
    </Stack>
  );
};
