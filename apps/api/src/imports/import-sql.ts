/**
 * The SQL of imports shared by the dry run and the apply: which contact column each staff field
 * writes (and its type), and the set-based statements over a run's staged rows.
 */

/** Staff field key → contact column and the type its JSON text is cast to. Fields not here are read, never written. */
export const STAFF_COLUMNS: Record<string, { column: string; cast: string }> = {
  firstName: { column: 'first_name', cast: 'varchar' },
  lastName: { column: 'last_name', cast: 'varchar' },
  preferredName: { column: 'preferred_name', cast: 'varchar' },
  jobTitle: { column: 'job_title', cast: 'varchar' },
  staffGroup: { column: 'staff_group', cast: 'staff_group' },
  grade: { column: 'grade', cast: 'grade' },
  contractType: { column: 'contract_type', cast: 'contract_type' },
  shiftPattern: { column: 'shift_pattern', cast: 'shift_pattern' },
  employeeNumber: { column: 'employee_number', cast: 'varchar' },
  workEmail: { column: 'work_email', cast: 'varchar' },
  workPhone: { column: 'work_phone', cast: 'varchar' },
  personalEmail: { column: 'personal_email', cast: 'varchar' },
  personalPhone: { column: 'personal_phone', cast: 'varchar' },
  startDate: { column: 'start_date', cast: 'date' },
  leaveDate: { column: 'leave_date', cast: 'date' },
};

/** Fields compared without regard to capitals. */
const CASE_BLIND = new Set(['workEmail', 'personalEmail']);

/** Fields a new person must have (from the file, or the run's defaults). */
export const NEW_STAFF_NEEDS: Record<string, string> = {
  staffGroup: 'a staff group', contractType: 'a contract type', shiftPattern: 'a shift pattern',
};

/** A staged row's value of a field, as the column's type: from the file, else (new people only) the run's default. */
export const value = (key: string, alias = 'r', withDefault = false): string => {
  const { cast } = STAFF_COLUMNS[key];
  const v = `(${alias}.values->>'${key}')`;
  return withDefault ? `coalesce(${v}, run.defaults->>'${key}')::${cast}` : `${v}::${cast}`;
};

/** Whether the row would change a matched contact `c` (a field the file has and the contact holds otherwise, or its ward). */
export function changesContact(alias = 'r'): string {
  const fields = Object.entries(STAFF_COLUMNS).map(([key, { column }]) => (CASE_BLIND.has(key)
    // an email in other capitals is the same email (the file's is lower-cased; a typed one may not be)
    ? `(${alias}.values->>'${key}' IS NOT NULL AND lower(${value(key, alias)}) IS DISTINCT FROM lower(c.${column}))`
    : `(${alias}.values->>'${key}' IS NOT NULL AND ${value(key, alias)} IS DISTINCT FROM c.${column})`));
  const ward = `(${alias}.ward_id IS NOT NULL AND ${alias}.ward_id IS DISTINCT FROM
    (SELECT p.ward_id FROM posting p WHERE p.contact_id = c.id AND p.end_date IS NULL))`;
  return `(${[...fields, ward].join(' OR ')})`;
}
