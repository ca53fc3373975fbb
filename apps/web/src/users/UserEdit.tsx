import { useMemo } from 'react';
import { Edit, SimpleForm, useRecordContext, type RaRecord } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { administeredBranchIds, getUser } from '../session';
import type { UserRole } from './RoleChips';
import { UserInputs } from './UserInputs';
import { UserTitle } from './UserTitle';
import { RecordLoading } from '../common/Loading';

interface UserRecord extends RaRecord {
  roles?: UserRole[];
}

const key = (r: UserRole) => `${r.branchId}:${r.role}`;

function sameRoles(a: UserRole[], b: UserRole[]): boolean {
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  return left.size === right.size && [...left].every((k) => right.has(k));
}

/** The roles an admin may change: those in the branches they administer. */
function ownRoles(roles: UserRole[] | undefined, administered: string[]): UserRole[] {
  return (roles ?? []).filter((r) => administered.includes(r.branchId));
}

/**
 * Sends what changed only: a blank password keeps the current one, and unchanged roles are not
 * sent (a change of roles signs the user out everywhere).
 */
function transform(data: RaRecord, options?: { previousData?: RaRecord }): RaRecord {
  const out: RaRecord = { ...data };
  if (!out.password) delete out.password;
  const administered = administeredBranchIds(getUser());
  const before = ownRoles((options?.previousData as UserRecord | undefined)?.roles, administered);
  if (Array.isArray(out.roles) && sameRoles(out.roles as UserRole[], before)) delete out.roles;
  return out;
}

/** The form edits the roles in the admin's branches; the others are listed beside it. */
const UserEditForm = () => {
  const record = useRecordContext<UserRecord>();
  const { formRecord, otherRoles } = useMemo(() => {
    const administered = administeredBranchIds(getUser());
    return {
      formRecord: record ? { ...record, roles: ownRoles(record.roles, administered) } : undefined,
      otherRoles: (record?.roles ?? []).filter((r) => !administered.includes(r.branchId)),
    };
  }, [record]);
  if (!formRecord) return null;
  return (
    <SimpleForm record={formRecord} toolbar={<FormToolbar canDelete={false} />} aria-label="Edit user" noValidate>
      <UserInputs isEdit otherRoles={otherRoles} />
    </SimpleForm>
  );
};

export const UserEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="user" />} mutationMode="pessimistic" title={<UserTitle />} transform={transform} mutationOptions={saveNotice}>
      <UserEditForm />
    </Edit>
  );
};
