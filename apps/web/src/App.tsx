import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Loading, reactRouterProvider, Resource } from 'react-admin';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import audit from './audit';
import { authProvider } from './authProvider';
import ballots from './ballots';
import branches from './branches';
import campaigns from './campaigns';
import campaignActions from './campaigns/actions';
import cases from './cases';
import { CalendarFeedPage } from './cases/CalendarFeedPage';
import contacts from './contacts';
import conversations from './conversations';
import { RepCoveragePage } from './coverage/RepCoveragePage';
import { Dashboard } from './dashboard/Dashboard';
import { duplicateRoutes } from './duplicates';
import { dataProvider } from './dataProvider';
import employers from './employers';
import followUps from './followUps';
import { i18nProvider } from './i18n';
import { ImportListPage, ImportRunPage, NewImportPage } from './imports';
import issueTags from './issueTags';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import memberships from './memberships';
import { MyPatchPage } from './patch/MyPatchPage';
import { PatchWardPeople } from './patch/PatchWardPeople';
import { can, Permission } from './permissions';
import { queryClient } from './queryClient';
import repRoles from './repRoles';
import sites from './sites';
import { theme } from './theme';
import unions from './unions';
import users from './users';
import { WallChartPage } from './wallchart/WallChartPage';
import { LineUpPage } from './coalition/LineUpPage';
import wards from './wards';

/** The density pages load with their chart library, not with every page. */
const DensityDashboardPage = lazy(() => import('./density/DensityDashboardPage').then((m) => ({ default: m.DensityDashboardPage })));
const SliceExplorerPage = lazy(() => import('./density/SliceExplorerPage').then((m) => ({ default: m.SliceExplorerPage })));

/** react-router's Route, the one react-admin's router reads custom routes from. */
const { Route } = reactRouterProvider;

function readOnly<T extends { edit?: unknown; create?: unknown }>(resource: T): Omit<T, 'edit' | 'create'> {
  const { edit: _edit, create: _create, ...rest } = resource;
  return rest;
}

/**
 * Menus and forms follow the signed-in user's permissions (the API refuses the rest anyway):
 * workplace structure is editable with WORKPLACE_WRITE, named people appear with PEOPLE_READ and are
 * editable with PEOPLE_WRITE, the audit log needs AUDIT_READ, users and branches USERS_MANAGE.
 * Organising (my patch, follow-ups, conversations, rep coverage) needs PEOPLE_READ, logging a
 * conversation PEOPLE_WRITE, and the issue tags SETTINGS_MANAGE. Cases need CASES_READ (opening and
 * changing them CASES_WRITE; the API then decides case by case: `mayChange`, `mayAddNote`).
 */
export const App = () => (
  <Admin
    title="Rollcall"
    dataProvider={dataProvider}
    queryClient={queryClient}
    authProvider={authProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Dashboard}
    theme={theme}
    i18nProvider={i18nProvider}
    disableTelemetry
  >
    {(permissions: unknown) => {
      const may = (p: Permission) => can(permissions, p);
      const structure = <T extends { edit?: unknown; create?: unknown }>(r: T) => (may(Permission.WORKPLACE_WRITE) ? r : readOnly(r));
      // Coalition partners see aggregates only: no named people.
      const seesPeople = may(Permission.PEOPLE_READ);
      return [
        seesPeople ? (
          <Resource key="FollowUps" name="FollowUps" options={{ label: 'Follow-ups' }} {...followUps} />
        ) : null,
        seesPeople ? (
          <Resource key="Conversations" name="Conversations" {...(may(Permission.PEOPLE_WRITE) ? conversations : readOnly(conversations))} />
        ) : null,
        may(Permission.CASES_READ) ? (
          <Resource key="Cases" name="Cases" {...(may(Permission.CASES_WRITE) ? cases : readOnly(cases))} />
        ) : null,
        <Resource key="Campaigns" name="Campaigns" {...(may(Permission.CAMPAIGNS_MANAGE) ? campaigns : readOnly(campaigns))} />,
        <Resource key="CampaignActions" name="CampaignActions" options={{ label: 'Actions' }}
          {...(may(Permission.CAMPAIGNS_MANAGE) ? campaignActions : readOnly(campaignActions))} />,
        seesPeople ? (
          <Resource key="Ballots" name="Ballots" {...(may(Permission.BALLOTS_MANAGE) ? ballots : readOnly(ballots))} />
        ) : null,
        seesPeople ? (
          <Resource key="Contacts" name="Contacts" {...(may(Permission.PEOPLE_WRITE) ? contacts : readOnly(contacts))} />
        ) : null,
        <Resource key="Wards" name="Wards" {...structure(wards)} />,
        <Resource key="Sites" name="Sites" {...structure(sites)} />,
        <Resource key="Employers" name="Employers" {...structure(employers)} />,
        <Resource key="Unions" name="Unions" {...structure(unions)} />,
        seesPeople ? <Resource key="Memberships" name="Memberships" {...memberships} /> : null,
        seesPeople ? <Resource key="RepRoles" name="RepRoles" options={{ label: 'Rep roles' }} {...repRoles} /> : null,
        may(Permission.AUDIT_READ) ? (
          <Resource key="AuditEvents" name="AuditEvents" options={{ label: 'Audit log' }} {...audit} />
        ) : null,
        may(Permission.USERS_MANAGE) ? <Resource key="Users" name="Users" {...users} /> : null,
        may(Permission.USERS_MANAGE) ? <Resource key="Branches" name="Branches" {...branches} /> : null,
        may(Permission.SETTINGS_MANAGE) ? (
          <Resource key="IssueTags" name="IssueTags" options={{ label: 'Issue tags' }} {...issueTags} />
        ) : null,
        seesPeople ? (
          <CustomRoutes key="organising">
            <Route path="/patch" element={<MyPatchPage />} />
            <Route path="/patch/:wardId" element={<PatchWardPeople />} />
            <Route path="/coverage" element={<RepCoveragePage />} />
            <Route path="/wall-chart" element={<WallChartPage />} />
          </CustomRoutes>
        ) : null,
        may(Permission.AGGREGATES_READ) ? (
          <CustomRoutes key="density">
            <Route path="/density" element={<Suspense fallback={<Loading />}><DensityDashboardPage /></Suspense>} />
            <Route path="/density/explore" element={<Suspense fallback={<Loading />}><SliceExplorerPage /></Suspense>} />
            <Route path="/line-up" element={<LineUpPage />} />
          </CustomRoutes>
        ) : null,
        // Imports: branch secretaries and admins (people and workplace writers, as the API's import access asks).
        may(Permission.PEOPLE_WRITE) && may(Permission.WORKPLACE_WRITE) ? (
          <CustomRoutes key="imports">
            <Route path="/imports" element={<ImportListPage />} />
            <Route path="/imports/new" element={<NewImportPage />} />
            <Route path="/imports/:id" element={<ImportRunPage />} />
          </CustomRoutes>
        ) : null,
        may(Permission.PEOPLE_MERGE) ? duplicateRoutes : null,
        <CustomRoutes key="account">
          <Route path="/change-password" element={<ChangePasswordPage />} />
        </CustomRoutes>,
        may(Permission.CASES_READ) ? (
          <CustomRoutes key="calendar">
            <Route path="/calendar-feed" element={<CalendarFeedPage />} />
          </CustomRoutes>
        ) : null,
      ];
    }}
  </Admin>
);
