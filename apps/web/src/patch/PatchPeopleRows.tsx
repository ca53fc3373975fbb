import StarIcon from '@mui/icons-material/Star';
import { Box, List, ListItem, ListItemButton, Stack, Typography } from '@mui/material';
import { Datagrid, FunctionField, LinkBase, RecordContextProvider, useCreatePath, useListContext, type RaRecord } from 'react-admin';
import { LoadingRows } from '../common/Loading';
import { MembershipChips } from '../common/MembershipChips';
import { useIsSmall } from '../common/useIsSmall';
import { AssessmentChip, AssessmentField } from '../organising/AssessmentChip';
import { LastSpoken, LastSpokenField } from '../organising/LastSpokenField';
import { LeaderField } from '../organising/LeaderBadge';
import { LogConversationButton } from '../quickLog/LogConversationButton';

interface PersonRow extends RaRecord {
  fullName: string;
  jobTitle?: string | null;
  assessment?: number | null;
  leader?: boolean;
  leaderReason?: string | null;
  lastConversationAt?: string | null;
  ward?: { name: string } | null;
}

/** Never spoken to: the row stands out (they are who to reach next). */
const NEVER_SPOKEN_SX = { bgcolor: 'rgba(255, 184, 28, 0.14)' };

const personOf = (r: PersonRow) => ({ id: r.id, fullName: r.fullName, wardName: r.ward?.name });

const PhoneRows = () => {
  const { data } = useListContext<PersonRow>();
  const createPath = useCreatePath();
  if (!data) return null;
  return (
    <List disablePadding aria-label="People">
      {data.map((r) => (
        <RecordContextProvider key={r.id} value={r}>
          <ListItem
            disablePadding
            divider
            sx={r.lastConversationAt ? undefined : NEVER_SPOKEN_SX}
            secondaryAction={<LogConversationButton person={personOf(r)} iconOnly />}
            data-testid="patch-person"
          >
            <ListItemButton component={LinkBase} to={createPath({ resource: 'Contacts', type: 'show', id: r.id })} sx={{ pr: 7, py: 1 }}>
              <Box sx={{ minWidth: 0 }}>
                <Typography component="span" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, fontWeight: 500 }}>
                  {r.fullName}
                  {r.leader && <StarIcon fontSize="small" sx={{ color: '#d18b00' }} aria-label="Leader" titleAccess="Leader" />}
                </Typography>
                {r.jobTitle && (
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                    {r.jobTitle}
                  </Typography>
                )}
                <Stack component="span" direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5, alignItems: 'center' }}>
                  <MembershipChips />
                  <AssessmentChip value={r.assessment ?? null} />
                  <LastSpoken at={r.lastConversationAt} />
                </Stack>
              </Box>
            </ListItemButton>
          </ListItem>
        </RecordContextProvider>
      ))}
    </List>
  );
};

/** A ward's people: a list with one-tap logging on a phone, a sortable table on a desktop. */
export const PatchPeopleRows = () => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  if (isPending) return <LoadingRows what="people" tall={isSmall} />;
  if (isSmall) return <PhoneRows />;
  return (
    <Datagrid
      rowClick="show"
      resource="Contacts"
      bulkActionButtons={false}
      rowSx={(r) => (r.lastConversationAt ? {} : NEVER_SPOKEN_SX)}
    >
      <FunctionField<PersonRow> source="lastName" label="Name" render={(r) => r.fullName} />
      <FunctionField<PersonRow> source="jobTitle" label="Job" render={(r) => r.jobTitle ?? '—'} sortable={false} />
      <MembershipChips label="Membership" sortable={false} />
      <AssessmentField source="assessment" label="Assessment" />
      <LeaderField label="Leader" sortable={false} />
      <LastSpokenField source="lastConversationAt" label="Last conversation" />
      <FunctionField<PersonRow> label="" render={(r) => <LogConversationButton person={personOf(r)} iconOnly />} />
    </Datagrid>
  );
};
