import { Skeleton } from '@mui/material';
import { useGetList } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ChipToggleInput, type ChipChoice } from '../common/ChipToggleInput';

interface IssueTag {
  id: string;
  name: string;
  active: boolean;
}

const ACTIVE = { active: true };

/**
 * The issues raised, as toggle chips: the organisation's active tags only (retired ones are not
 * offered), plus any retired tag the conversation already has, so editing it does not drop it.
 */
export const IssueTagsInput = ({ autoFocus = false }: { autoFocus?: boolean }) => {
  const chosen = (useWatch({ name: 'issueTagIds' }) as string[] | undefined) ?? [];
  const { data: active, isPending, error } = useGetList<IssueTag>('IssueTags', {
    filter: ACTIVE,
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  // Checked here too: a tag just retired in this browser is still in the cached list, marked inactive.
  const offered = (active ?? []).filter((t) => t.active);
  const activeIds = new Set(offered.map((t) => t.id));
  const missing = chosen.filter((id) => !activeIds.has(id));
  const { data: retired } = useGetList<IssueTag>(
    'IssueTags',
    { filter: { ids: missing }, pagination: { page: 1, perPage: missing.length || 1 } },
    { enabled: !isPending && missing.length > 0 },
  );
  if (isPending) return <Skeleton variant="rounded" height={72} sx={{ mb: 2 }} aria-label="Loading issues" />;
  const retiredChosen = new Map([...(retired ?? []), ...(active ?? [])].filter((t) => !activeIds.has(t.id) && chosen.includes(t.id)).map((t) => [t.id, t]));
  const choices: ChipChoice[] = [
    ...offered.map((t) => ({ id: t.id, name: t.name })),
    ...[...retiredChosen.values()].map((t) => ({ id: t.id, name: `${t.name} (retired)`, disabled: true })),
  ];
  return (
    <ChipToggleInput
      source="issueTagIds"
      label="Issues raised"
      choices={choices}
      autoFocus={autoFocus}
      helperText={error ? 'The issue list could not be loaded' : choices.length === 0 ? 'No issue tags yet: an admin adds them' : false}
    />
  );
};
