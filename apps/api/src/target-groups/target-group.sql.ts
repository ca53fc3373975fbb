import type { TargetGroup } from '@rollcall/domain';

/** A condition in SQL with the parameters it names (TypeORM's `:name` and `:...name` grammar). */
export interface SqlCondition { sql: string; params: Record<string, unknown> }

/**
 * Whether the contact `alias` is in the group: its record (employer, staff group, grade) and its
 * posting on `on` (YYYY-MM-DD: the posting that had started and not ended that day) or, without a
 * date, its current posting (for wards and sites). Parameters are prefixed with `prefix`, so two
 * groups can share a query. An empty group is `TRUE`. This says nothing of who may see the contact:
 * put it beside the PeopleDoor's condition, never instead of it.
 */
export function targetGroupCondition(group: TargetGroup, alias: string, options: { on?: string | null; prefix?: string } = {}): SqlCondition {
  const p = options.prefix ?? 'tg';
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const within = (column: string, key: string, values: readonly string[]) => {
    if (!values.length) return;
    parts.push(`${column} IN (:...${p}${key})`);
    params[`${p}${key}`] = [...values];
  };
  within(`${alias}.employer_id`, 'Employers', group.employerIds);
  within(`${alias}.staff_group`, 'StaffGroups', group.staffGroups);
  within(`${alias}.grade`, 'Grades', group.grades);
  if (group.wardIds.length || group.siteIds.length) {
    const posted = options.on
      ? `${p}_p.start_date <= :${p}On AND (${p}_p.end_date IS NULL OR ${p}_p.end_date > :${p}On)`
      : `${p}_p.end_date IS NULL`;
    if (options.on) params[`${p}On`] = options.on;
    const where = [posted];
    if (group.wardIds.length) {
      where.push(`${p}_p.ward_id IN (:...${p}Wards)`);
      params[`${p}Wards`] = [...group.wardIds];
    }
    if (group.siteIds.length) {
      where.push(`${p}_w.site_id IN (:...${p}Sites)`);
      params[`${p}Sites`] = [...group.siteIds];
    }
    parts.push(`EXISTS (SELECT 1 FROM posting ${p}_p JOIN ward ${p}_w ON ${p}_w.id = ${p}_p.ward_id
      WHERE ${p}_p.contact_id = ${alias}.id AND ${where.join(' AND ')})`);
  }
  return { sql: parts.length ? `(${parts.join(' AND ')})` : 'TRUE', params };
}
