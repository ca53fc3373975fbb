import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PeopleIcon from '@mui/icons-material/People';
import { Box, Button, Typography } from '@mui/material';
import { LinkBase, List, SearchInput, TopToolbar, useGetOne, useParams } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { patchName } from './patchName';
import { PatchPeopleFilters } from './PatchPeopleFilters';
import { PatchPeopleRows } from './PatchPeopleRows';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name" slotProps={{ htmlInput: { 'aria-label': 'Search people on this ward' } }} />,
];

const Actions = () => (
  <TopToolbar sx={{ justifyContent: 'flex-start' }}>
    <Button component={LinkBase} to="/patch" size="small" startIcon={<ArrowBackIcon />}>
      {patchName().title}
    </Button>
  </TopToolbar>
);

/**
 * The people of one ward of the patch: member or not, assessment, leader, when last spoken to
 * ("never" stands out), filtered and sorted for the next round of conversations; one tap logs one.
 */
export const PatchWardPeople = () => {
  const { wardId } = useParams<{ wardId: string }>();
  const { data: ward } = useGetOne<{ id: string; name: string; site?: { name: string } | null }>('Wards', { id: wardId ?? '' }, { enabled: !!wardId });
  return (
    <Box>
      <List
        resource="Contacts"
        storeKey="patchWardPeople"
        title={ward ? ward.name : 'Ward'}
        filter={{ wardId, isCurrent: true }}
        filters={filters}
        actions={<Actions />}
        sort={{ field: 'lastName', order: 'ASC' }}
        perPage={50}
        exporter={false}
        empty={
          <EmptyState icon={<PeopleIcon />} title="Nobody on this ward yet" explanation="People posted here will be listed with their organising picture." canCreate={false} />
        }
      >
        {ward && (
          <Typography variant="h5" component="h1" sx={{ px: { xs: 2, sm: 2 }, pt: 2 }}>
            {ward.name}
            {ward.site ? (
              <Typography component="span" variant="body1" color="text.secondary">
                {' '}
                · {ward.site.name}
              </Typography>
            ) : null}
          </Typography>
        )}
        <Box sx={{ px: { xs: 0, sm: 2 } }}>
          <PatchPeopleFilters />
        </Box>
        <PatchPeopleRows />
      </List>
    </Box>
  );
};
