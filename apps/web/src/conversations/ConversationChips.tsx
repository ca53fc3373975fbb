import { Chip, Stack } from '@mui/material';
import { AEIOU_LABELS, type AeiouStep } from '@rollcall/domain';
import { useRecordContext } from 'react-admin';
import { labelOf } from '../choices';

interface WithTags {
  issueTags?: { id: string; name: string }[];
  aeiouSteps?: string[];
}

/** The issues raised, as small chips. */
export const IssueChips = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<WithTags>();
  const tags = record?.issueTags ?? [];
  if (tags.length === 0) return null;
  return (
    <Stack direction="row" useFlexGap aria-label="Issues" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {tags.map((t) => (
        <Chip key={t.id} size="small" variant="outlined" label={t.name} />
      ))}
    </Stack>
  );
};

/** The AEIOU steps covered, as small chips ("Agitate", "Educate" …). */
export const AeiouChips = (_props: { label?: string }) => {
  const record = useRecordContext<WithTags>();
  const steps = record?.aeiouSteps ?? [];
  if (steps.length === 0) return <>—</>;
  return (
    <Stack direction="row" useFlexGap aria-label="AEIOU steps" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {steps.map((s) => (
        <Chip key={s} size="small" color="primary" variant="outlined" label={labelOf(AEIOU_LABELS, s as AeiouStep)} />
      ))}
    </Stack>
  );
};
