import AddLinkIcon from '@mui/icons-material/AddLink';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Button, IconButton, Link, List, ListItem, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, LinkBase, useCreatePath, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { formatDay } from '../common/dates';
import { EmptyNote } from '../common/ItemRow';
import { TitledSection } from '../common/TitledSection';
import type { CaseworkDataProvider } from '../dataProvider';
import { CaseStatusChip } from './CaseChips';
import { caseName, caseTypeText, type CaseRecord } from './caseText';
import { LinkCaseDialog } from './LinkCaseDialog';

/** A link as the page shows it: the other case, and whether this one follows it or it follows this one. */
interface LinkRow {
  kase: CaseRecord;
  /** "follows": this case follows `kase`; "followedBy": `kase` follows this one. */
  way: 'follows' | 'followedBy';
}

const WAY_TEXT = { follows: 'Follows', followedBy: 'Followed by' } as const;

/**
 * Linked cases: what an appeal or a tribunal claim follows ("Follows …") and what follows a case ("Followed by …").
 * Where the user may change the case (Case.mayChange), "Link a case" and an unlink button on each, confirmed first.
 */
export const CaseLinksPanel = () => {
  const record = useRecordContext<CaseRecord>();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<CaseworkDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState<LinkRow | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const may = record.mayChange === true;
  const rows: LinkRow[] = [
    ...(record.follows ?? []).map((kase) => ({ kase, way: 'follows' as const })),
    ...(record.followedBy ?? []).map((kase) => ({ kase, way: 'followedBy' as const })),
  ];

  const unlink = async (row: LinkRow) => {
    setBusy(true);
    try {
      if (row.way === 'follows') await dataProvider.unlinkCases(record.id, row.kase.id);
      else await dataProvider.unlinkCases(row.kase.id, record.id);
      notify('Cases unlinked', { type: 'success' });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'Could not unlink the cases', { type: 'error' });
    } finally {
      setBusy(false);
      setUnlinking(null);
    }
  };

  return (
    <TitledSection
      title="Linked cases"
      actions={
        may && (
          <Button size="small" variant="outlined" startIcon={<AddLinkIcon />} onClick={() => setLinking(true)}>
            Link a case
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <EmptyNote>No linked cases.</EmptyNote>
      ) : (
        <List dense disablePadding aria-label="Linked cases">
          {rows.map((row) => (
            <ListItem
              key={`${row.way}:${row.kase.id}`}
              disableGutters
              divider
              data-testid="case-link"
              sx={{ display: 'block', py: 1, pr: may ? 6 : 0 }}
              secondaryAction={
                may && (
                  <IconButton edge="end" aria-label={`Unlink ${caseName(row.kase)}`} onClick={() => setUnlinking(row)}>
                    <LinkOffIcon />
                  </IconButton>
                )
              }
            >
              <Typography variant="body2">
                <Typography component="span" variant="body2" color="text.secondary">
                  {WAY_TEXT[row.way]}{' '}
                </Typography>
                <Link component={LinkBase} to={createPath({ resource: 'Cases', type: 'show', id: row.kase.id })}>
                  {caseName(row.kase)}
                </Link>
              </Typography>
              <Typography variant="body2" color="text.secondary" component="div" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
                opened {formatDay(row.kase.openedOn)}
                <CaseStatusChip status={row.kase.status} />
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
      {linking && <LinkCaseDialog kase={record} linked={rows.map((r) => r.kase.id)} onClose={() => setLinking(false)} />}
      <Confirm
        isOpen={!!unlinking}
        loading={busy}
        title="Unlink these cases?"
        content={
          unlinking
            ? unlinking.way === 'follows'
              ? `This ${caseTypeText(record.type).toLowerCase()} will no longer be shown as following the ${caseTypeText(unlinking.kase.type).toLowerCase()} case. Neither case is changed otherwise.`
              : `The ${caseTypeText(unlinking.kase.type).toLowerCase()} will no longer be shown as following this case. Neither case is changed otherwise.`
            : ''
        }
        confirm="Unlink"
        onConfirm={() => unlinking && unlink(unlinking)}
        onClose={() => setUnlinking(null)}
      />
    </TitledSection>
  );
};
