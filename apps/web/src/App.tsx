import { Role } from '@rollcall/domain';
import { Admin, Resource } from 'react-admin';
import audit from './audit';
import { authProvider } from './authProvider';
import contacts from './contacts';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import employers from './employers';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import memberships from './memberships';
import repRoles from './repRoles';
import sites from './sites';
import { theme } from './theme';
import unions from './unions';
import wards from './wards';

/** Workplace structure is maintained by branch officers; reps and caseworkers read it. */
const canEditStructure = (role: unknown) => role === Role.ADMIN || role === Role.BRANCH_SECRETARY;

function readOnly<T extends { edit?: unknown; create?: unknown }>(resource: T): Omit<T, 'edit' | 'create'> {
  const { edit: _edit, create: _create, ...rest } = resource;
  return rest;
}

export const App = () => (
  <Admin
    title="Rollcall"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Dashboard}
    theme={theme}
    disableTelemetry
  >
    {(role: unknown) => {
      const structure = <T extends { edit?: unknown; create?: unknown }>(r: T) => (canEditStructure(role) ? r : readOnly(r));
      // Coalition partners see aggregates only: no named people.
      const seesPeople = role !== Role.COALITION_VIEWER;
      const readOnlyRole = role === Role.COALITION_VIEWER;
      return [
        seesPeople ? <Resource key="Contacts" name="Contacts" {...(readOnlyRole ? readOnly(contacts) : contacts)} /> : null,
        <Resource key="Wards" name="Wards" {...structure(wards)} />,
        <Resource key="Sites" name="Sites" {...structure(sites)} />,
        <Resource key="Employers" name="Employers" {...structure(employers)} />,
        <Resource key="Unions" name="Unions" {...structure(unions)} />,
        seesPeople ? <Resource key="Memberships" name="Memberships" {...memberships} /> : null,
        seesPeople ? <Resource key="RepRoles" name="RepRoles" options={{ label: 'Rep roles' }} {...repRoles} /> : null,
        // The audit log is for admins only (the API refuses everyone else).
        role === Role.ADMIN ? <Resource key="AuditEvents" name="AuditEvents" options={{ label: 'Audit log' }} {...audit} /> : null,
      ];
    }}
  </Admin>
);
