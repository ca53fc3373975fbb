import { AutocompleteArrayInput, ReferenceArrayInput, SelectArrayInput } from 'react-admin';
import { GRADE_CHOICES, STAFF_GROUP_CHOICES } from '../choices';

/**
 * A group of staff (a saved filter): any of these trusts, sites and wards (by name, typed to find),
 * staff groups and grades. Each list narrows the group; an empty one does not. `source` is the form
 * field holding it: a campaign's target group, a ballot's eligible group.
 */
export const TargetGroupInputs = ({ source = 'targetGroup' }: { source?: string }) => (
  <>
    <ReferenceArrayInput source={`${source}.employerIds`} reference="Employers" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
      <AutocompleteArrayInput label="Trusts" optionText="name" fullWidth helperText="Employed by one of these (empty: any)" />
    </ReferenceArrayInput>
    <ReferenceArrayInput source={`${source}.siteIds`} reference="Sites" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
      <AutocompleteArrayInput label="Sites" optionText="name" fullWidth helperText="Posted at one of these sites" />
    </ReferenceArrayInput>
    <ReferenceArrayInput source={`${source}.wardIds`} reference="Wards" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
      <AutocompleteArrayInput label="Wards" optionText="name" fullWidth helperText="Posted on one of these wards" />
    </ReferenceArrayInput>
    <SelectArrayInput source={`${source}.staffGroups`} label="Staff groups" choices={STAFF_GROUP_CHOICES} fullWidth />
    <SelectArrayInput source={`${source}.grades`} label="Grades" choices={GRADE_CHOICES} fullWidth />
  </>
);
