import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  Form,
  HttpError,
  ResourceContextProvider,
  SaveButton,
  required,
  useDataProvider,
  useNotify,
  useRefresh,
  type Identifier,
} from 'react-admin';
import { useIsSmall } from '../common/useIsSmall';
import type { CaseworkDataProvider, TeamCandidate } from '../dataProvider';
import type { CaseRecord } from './caseText';

/** The places on a team, as setCaseTeam names them. */
const PLACES = [
  { role: 'CASEWORKER', source: 'caseworkerId', label: 'Caseworker', required: true },
  { role: 'SECOND_CASEWORKER', source: 'secondCaseworkerId', label: 'Second caseworker', required: false },
  { role: 'REP', source: 'repId', label: 'Rep', required: false },
] as const;

/**
 * One place: an autocomplete of those the API says may take it (a case's branch, the fitting roles, a rep only with the
 * member on their patch), narrowed on the server as the user types; whoever holds the place now stays a choice.
 */
const PlaceInput = ({ caseId, role, source, label, current, isRequired, autoFocus }: {
  caseId: Identifier;
  role: string;
  source: string;
  label: string;
  current?: TeamCandidate;
  isRequired: boolean;
  autoFocus?: boolean;
}) => {
  const dataProvider = useDataProvider<CaseworkDataProvider>();
  const [q, setQ] = useState('');
  const { data, isPending, isFetching, error } = useQuery({
    queryKey: ['caseTeamCandidates', caseId, role, q],
    queryFn: () => dataProvider.caseTeamCandidates(caseId, role, q),
    placeholderData: keepPreviousData,
  });
  const choices = useMemo(() => {
    const listed = data ?? [];
    return current && !listed.some((c) => c.id === current.id) ? [current, ...listed] : listed;
  }, [data, current]);
  return (
    <AutocompleteInput
      source={source}
      label={label}
      choices={choices}
      optionText="displayName"
      setFilter={setQ}
      isPending={isPending}
      isFetching={isFetching}
      validate={isRequired ? required() : undefined}
      helperText={error ? 'Could not load who may take this place' : isRequired ? false : 'Optional'}
      noOptionsText="Nobody who may take this place"
      emptyText="Nobody"
      autoFocus={autoFocus}
      fullWidth
    />
  );
};

/**
 * "Change team": the caseworker (required), second caseworker and rep, each picked among those who may take the place.
 * The API's field errors (someone twice, a rep off the member's patch) show on their inputs; nothing changes until it
 * accepts the whole team.
 */
export const CaseTeamDialog = ({ kase, onClose }: { kase: CaseRecord; onClose: () => void }) => {
  const dataProvider = useDataProvider<CaseworkDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const fullScreen = useIsSmall();
  const holder = (role: string): TeamCandidate | undefined => {
    const member = (kase.team ?? []).find((t) => t.role === role);
    return member ? { id: member.userId, displayName: member.displayName ?? 'A user' } : undefined;
  };
  const record = Object.fromEntries(PLACES.map((p) => [p.source, holder(p.role)?.id ?? null]));

  const save = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.setCaseTeam(kase.id, {
        caseworkerId: values.caseworkerId as Identifier,
        secondCaseworkerId: (values.secondCaseworkerId as Identifier) || null,
        repId: (values.repId as Identifier) || null,
      });
      notify('Team changed', { type: 'success' });
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      notify(errors ? 'Please correct the highlighted fields' : error instanceof Error ? error.message : 'Could not change the team', { type: 'error' });
      return errors;
    }
  };

  return (
    <Dialog open onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="sm" aria-labelledby="case-team-dialog-title">
      <DialogTitle id="case-team-dialog-title">Change the team</DialogTitle>
      <ResourceContextProvider value="Cases">
        <Form record={record} onSubmit={save} id="case-team-form" noValidate>
          <DialogContent sx={{ pt: 0 }}>
            <DialogContentText sx={{ mb: 2 }}>
              Only people of the member's branch who may take each place are offered. Whoever leaves the team no longer
              reads the case.
            </DialogContentText>
            {PLACES.map((p, i) => (
              <PlaceInput
                key={p.role}
                caseId={kase.id}
                role={p.role}
                source={p.source}
                label={p.label}
                current={holder(p.role)}
                isRequired={p.required}
                autoFocus={i === 0}
              />
            ))}
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={onClose}>Cancel</Button>
            <SaveButton label="Save team" />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
