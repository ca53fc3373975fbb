import { Stack } from '@mui/material';
import { BallotMemberState } from '@rollcall/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, type Identifier } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { CHASE_STATES, SHORT_STATE } from '../ballots/choices';
import { formatDay } from '../common/formatDay';
import { InputGroup } from '../common/InputGroup';
import { ToggleChip } from '../common/ToggleChip';
import type { BallotsDataProvider, ContactBallotData } from '../dataProvider';

/**
 * In the quick log: for each live ballot (open or upcoming) the person picked is entitled to vote in,
 * their chase state as chips, changed with one tap. A tap saves at once through setBallotMemberState
 * (a new row of the ballot's history, with who and when), apart from the conversation, and the
 * ballot's page and chase list follow; nothing shows when they are in no live ballot.
 */
export const QuickLogBallots = () => {
  const contactId = useWatch({ name: 'contactId' }) as Identifier | null | undefined;
  const dp = useDataProvider<BallotsDataProvider>();
  const qc = useQueryClient();
  const notify = useNotify();
  const ballots = useQuery({
    queryKey: ['contactBallots', contactId],
    queryFn: () => dp.contactBallots(contactId!),
    enabled: !!contactId,
  });
  const change = useMutation({
    mutationFn: ({ ballotId, state }: { ballotId: string; state: BallotMemberState }) => dp.setBallotMemberState(ballotId, contactId!, state),
    onSuccess: (_saved, { ballotId, state }) => {
      qc.setQueryData<ContactBallotData[]>(['contactBallots', contactId], (list) => list?.map((b) => (b.ballot.id === ballotId ? { ...b, state } : b)));
      void qc.invalidateQueries({ queryKey: ['contactBallots', contactId] });
      void qc.invalidateQueries({ queryKey: ['ballotMembers', ballotId] });
      void qc.invalidateQueries({ queryKey: ['ballotReport', ballotId] });
      notify(`Chase state saved: ${SHORT_STATE[state]}`, { type: 'success' });
    },
    onError: (e: Error) => notify(e.message || 'The chase state could not be saved', { type: 'error' }),
  });
  if (!contactId || !ballots.data?.length) return null;
  return (
    <>
      {ballots.data.map((b) => (
        <InputGroup
          key={b.ballot.id}
          id={`quick-log-ballot-${b.ballot.id}`}
          label={`${b.ballot.name}: chase state`}
          helperText={`Saved as you tap · closes ${formatDay(b.ballot.closingDate)}`}
        >
          <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="quick-log-ballot">
            {CHASE_STATES.map((s) => (
              <ToggleChip
                key={s}
                label={SHORT_STATE[s]}
                selected={b.state === s}
                disabled={change.isPending}
                data-testid={`quick-log-state-${s}`}
                onClick={() => b.state !== s && change.mutate({ ballotId: b.ballot.id, state: s })}
              />
            ))}
          </Stack>
        </InputGroup>
      ))}
    </>
  );
};
