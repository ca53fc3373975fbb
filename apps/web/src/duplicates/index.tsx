import { CustomRoutes, reactRouterProvider } from 'react-admin';
import { DuplicatesPage } from './DuplicatesPage';
import { MergePage } from './MergePage';

const { Route } = reactRouterProvider;

/** The duplicates screen and the side-by-side merge (registered for those with PEOPLE_MERGE). */
export const duplicateRoutes = (
  <CustomRoutes key="duplicates">
    <Route path="/duplicates" element={<DuplicatesPage />} />
    <Route path="/duplicates/merge/:a/:b" element={<MergePage />} />
  </CustomRoutes>
);
