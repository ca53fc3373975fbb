import AddIcon from '@mui/icons-material/Add';
import { Button, Link, List, ListItem, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useRecordContext } from 'react-admin';
import { formatDay } from '../common/dates';
import { EmptyNote } from '../common/ItemRow';
import { TitledSection } from '../common/TitledSection';
import { Permission, useCan } from '../permissions';
import { CaseStatusChip } from './CaseChips';
import { caseTypeText, type CaseRecord } from './caseText';

/**
 * A member's cases on their page: only those the user reads (the API's `Contact.cases`: their team, or
 * their branch's as its secretary or admin), with "Open a case" for those who open cases. Nothing for
 * users without casework.
 */
export const ContactCasesPanel = () => {
  const contact = useRecordContext<{ id: string; cases?: CaseRecord[] }>();
  const readsCases = useCan(Permission.CASES_READ);
  const opensCases = useCan(Permission.CASES_WRITE);
  const createPath = useCreatePath();
  if (!contact || !readsCases) return null;
  const cases = contact.cases ?? [];
  return (
    <TitledSection
      title="Cases"
      actions={
        opensCases && (
          <Button
            component={LinkBase}
            to={createPath({ resource: 'Cases', type: 'create' })}
            state={{ record: { contactId: contact.id } }}
            size="small"
            variant="outlined"
            startIcon={<AddIcon />}
          >
            Open a case
          </Button>
        )
      }
    >
      {cases.length === 0 ? (
        <EmptyNote>No cases you can see.</EmptyNote>
      ) : (
        <List dense disablePadding aria-label="Cases">
          {cases.map((c) => (
            <ListItem key={c.id} disableGutters divider sx={{ gap: 1, flexWrap: 'wrap' }} data-testid="contact-case">
              <Link component={LinkBase} to={createPath({ resource: 'Cases', type: 'show', id: c.id })} sx={{ fontWeight: 600 }}>
                {caseTypeText(c.type)}
              </Link>
              <Typography variant="body2" color="text.secondary">
                {[`opened ${formatDay(c.openedOn)}`, c.closedOn ? `closed ${formatDay(c.closedOn)}` : null, c.caseworkerName].filter(Boolean).join(' · ')}
              </Typography>
              <CaseStatusChip status={c.status} />
            </ListItem>
          ))}
        </List>
      )}
    </TitledSection>
  );
};
