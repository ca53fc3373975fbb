/** The import wizard (issue 14): custom routes registered in App.tsx for branch secretaries and admins. */
export { ImportListPage } from './ImportListPage';
export { ImportRunPage } from './ImportRunPage';
export { NewImportPage } from './NewImportPage';
