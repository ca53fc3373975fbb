import { Typography } from '@mui/material';
import {
  BooleanInput, CheckboxGroupInput, DateInput, ReferenceInput, SelectInput, TextInput, required, maxLength,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { EMPLOYMENT_RIGHTS_ACT_2025_BALLOTS_FROM } from '@rollcall/domain';
import { TargetGroupInputs } from '../campaigns/TargetGroupInputs';
import { notBefore } from '../validation';
import { BALLOT_QUESTION_CHOICES } from './choices';

const atLeastOne = (v: unknown) => (Array.isArray(v) && v.length > 0 ? undefined : 'Choose at least one question');

/** The 40 % flag only matters for ballots opened before 18 Feb 2026: say so beside it. */
const ImportantPublicService = () => {
  const opening = useWatch({ name: 'openingDate' }) as string | undefined;
  const applies = !opening || opening < EMPLOYMENT_RIGHTS_ACT_2025_BALLOTS_FROM;
  return (
    <>
      <BooleanInput source="importantPublicService" label="Most of those entitled work in important public services" />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -1, mb: 2 }} data-testid="ips-note">
        {applies
          ? 'A&E, ambulance, intensive/high-dependency care, urgent psychiatric and obstetric/midwifery services: under the Trade Union Act 2016 rules, 40 % of everyone entitled must vote Yes.'
          : 'Only meaningful under the 2016 rules: the Employment Rights Act 2025 repealed the 40 % rule for ballots opened from 18 February 2026.'}
      </Typography>
    </>
  );
};

export const BallotInputs = () => (
  <>
    <TextInput source="name" label="Name" validate={[required(), maxLength(200)]} autoFocus fullWidth />
    <ReferenceInput source="branchId" reference="Branches">
      <SelectInput optionText="name" label="Branch" validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="unionId" reference="Unions">
      <SelectInput optionText="shortName" label="Union" validate={required()} />
    </ReferenceInput>
    <CheckboxGroupInput source="questions" label="Questions" choices={BALLOT_QUESTION_CHOICES} validate={atLeastOne} />
    <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>Eligible group</Typography>
    <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
      Who the ballot is for. Each list narrows the group; leave them all empty for everyone in the branch.
    </Typography>
    <TargetGroupInputs source="eligibleGroup" />
    <DateInput source="cutOffDate" label="Membership cut-off" validate={required()} helperText="Members on this date are entitled to vote" />
    <DateInput source="openingDate" label="Opens" validate={[required(), notBefore('cutOffDate', 'Opens on or after the cut-off')]} helperText="Picks the rule set" />
    <DateInput source="closingDate" label="Closes" validate={[required(), notBefore('openingDate', 'Closes on or after it opens')]} />
    <ImportantPublicService />
  </>
);
