import GroupIcon from '@mui/icons-material/Group';
import { Box, Button, List, ListItem, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { labelOf } from '../choices';
import { EmptyNote } from '../common/ItemRow';
import { TitledSection } from '../common/TitledSection';
import { CaseTeamDialog } from './CaseTeamDialog';
import { TEAM_ROLE_LABELS, type CaseRecord } from './caseText';

/** Who works the case; "Change team" where the API says the user may staff it (Case.mayManage: the branch's secretary and admins). */
export const CaseTeamPanel = () => {
  const record = useRecordContext<CaseRecord>();
  const [changing, setChanging] = useState(false);
  if (!record) return null;
  const team = record.team ?? [];
  return (
    <TitledSection
      title="Team"
      actions={
        record.mayManage === true && (
          <Button size="small" variant="outlined" startIcon={<GroupIcon />} onClick={() => setChanging(true)}>
            Change team
          </Button>
        )
      }
    >
      {team.length === 0 ? (
        <EmptyNote>No one is on the team.</EmptyNote>
      ) : (
        <List dense disablePadding aria-label="Team">
          {team.map((t) => (
            <ListItem key={t.id} disableGutters data-testid="case-team-member">
              <Typography variant="body2">
                {t.displayName ?? 'A user'} · <Box component="span" sx={{ color: 'text.secondary' }}>{labelOf(TEAM_ROLE_LABELS, t.role)}</Box>
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
      {changing && <CaseTeamDialog kase={record} onClose={() => setChanging(false)} />}
    </TitledSection>
  );
};
