import { AutocompleteArrayInput, ReferenceArrayInput, SelectArrayInput } from 'react-admin';
import { GRADE_CHOICES, STAFF_GROUP_CHOICES } from '../choices';

/**
 * The staff a campaign targets: any of these trusts, sites and wards (by name, typed to find), staff
 * groups and grades. Each list narrows the group; an empty one does not.
 */
export const TargetGroupInputs = () => (
  <>
    <ReferenceArrayInput source="targetGroup.employerIds" reference="Employers" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
      <AutocompleteArrayInput label="Trusts" optionText="name" fullWidth helperText="Employed by one of these (empty: any)" />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="targetGroup.siteIds" reference="Sites" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
      <AutocompleteArrayInput label="Sites" optionText="name" fullWidth helperText="Posted at one of these sites" />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="targetGroup.wardIds" reference="Wards" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
      <AutocompleteArrayInput label="Wards" optionText="name" fullWidth helperText="Posted on one of these wards" />
    </ReferenceArrayInput>
    <SelectArrayInput source="targetGroup.staffGroups" label="Staff groups" choices={STAFF_GROUP_CHOICES} fullWidth />
    <SelectArrayInput source="targetGroup.grades" label="Grades" choices={GRADE_CHOICES} fullWidth />
  </>
);
