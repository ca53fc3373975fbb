import AddIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import { Button, Typography } from '@mui/material';
import {
  ArrayInput,
  PasswordInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useSimpleFormIterator,
} from 'react-admin';
import { ROLE_CHOICES } from '../choices';
import { administeredBranchIds, getUser } from '../session';
import { displayName, newPassword, optionalNewPassword, requiredChoice, requiredEmail, requiredRef } from '../validation';
import { ActiveInput } from './ActiveInput';
import { PatchSitesInput } from './PatchSitesInput';
import { roleText, type UserRole } from './RoleChips';

/** "Add a role", in words: a lone plus sign under the roles says too little. */
const AddRoleButton = () => {
  const { add } = useSimpleFormIterator();
  return (
    <Button size="small" startIcon={<AddIcon />} onClick={() => add()} sx={{ mt: 1 }}>
      Add a role
    </Button>
  );
};

const atLeastOneRole = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'Give at least one role';

interface UserInputsProps {
  isEdit?: boolean;
  /** Roles the user holds in branches the signed-in admin does not run: shown, not editable. */
  otherRoles?: UserRole[];
}

const LOCKED = 'They also hold a role in a branch another admin runs: only roles and patch sites in your branches can change here';

/** The account form, shared by create and edit. */
export const UserInputs = ({ isEdit = false, otherRoles = [] }: UserInputsProps) => {
  // Roles can only be given in branches the signed-in admin runs.
  const branchFilter = { ids: administeredBranchIds(getUser()) };
  // The account itself (name, password, whether it may sign in) is only the admin's when every role it holds is in their
  // branches (the API's rule): someone who also holds a role elsewhere must not be taken over from one branch.
  const locked = isEdit && otherRoles.length > 0;
  return (
    <>
      <TextInput
        source="email"
        type="email"
        autoFocus={!isEdit}
        validate={isEdit ? undefined : requiredEmail}
        disabled={isEdit}
        helperText={isEdit ? 'The sign-in address cannot be changed' : 'They sign in with this address'}
        autoComplete="off"
        fullWidth
        sx={{ maxWidth: 480 }}
      />
      <TextInput
        source="displayName"
        autoFocus={isEdit}
        label="Name"
        validate={displayName}
        disabled={locked}
        helperText={locked ? LOCKED : 'As Rollcall shows it, e.g. Sam Okafor'}
        fullWidth
        sx={{ maxWidth: 480 }}
      />
      <PasswordInput
        source="password"
        label={isEdit ? 'New password' : 'Initial password'}
        validate={isEdit ? optionalNewPassword : newPassword}
        disabled={locked}
        helperText={
          locked
            ? 'Only an admin of all their branches can set it.'
            : isEdit
            ? 'Leave blank to keep the current one. A new password signs them out everywhere.'
            : 'At least 12 characters; ask them to change it after signing in'
        }
        autoComplete="new-password"
        fullWidth
        sx={{ maxWidth: 480 }}
      />
      {isEdit && <ActiveInput locked={locked} />}
      <ArrayInput source="roles" label="Roles" validate={atLeastOneRole} sx={{ maxWidth: 720 }}>
        <SimpleFormIterator inline disableReordering disableClear getItemLabel={() => ''} addButton={<AddRoleButton />}>
          <ReferenceInput source="branchId" reference="Branches" filter={branchFilter} sort={{ field: 'name', order: 'ASC' }}>
            <SelectInput label="Branch" optionText="name" validate={requiredRef} helperText={false} sx={{ minWidth: 240 }} />
          </ReferenceInput>
          <SelectInput source="role" label="Role" choices={ROLE_CHOICES} validate={requiredChoice} helperText={false} sx={{ minWidth: 240 }} />
        </SimpleFormIterator>
      </ArrayInput>
      {otherRoles.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Also holds, in branches other admins run: {otherRoles.map(roleText).join('; ')}
        </Typography>
      )}
      <PatchSitesInput />
    </>
  );
};
