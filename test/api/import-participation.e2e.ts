import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../fixtures/app.js';
import { stagedCounts, uploadImport } from '../fixtures/imports.js';
import { until } from '../fixtures/wait.js';

/**
 * Campaign participation lists (issue 14): a petition's sign-ups or a meeting's attendance uploaded
 * onto a campaign action (POST /imports, kind PARTICIPATION, actionId), matched as membership lists
 * are, dry-run (CREATE / UPDATE / UNCHANGED, never lowering a state; unmatched refused), applied
 * set-based in one transaction (all or nothing), idempotent; and who may upload onto which action.
 */
describe('import: campaign participation lists', () => {
  let api: TestApp;
  let as: ReturnType<TestApp['as']>;
  let token: string;
  let org: string;
  let secretaryId: string;
  let repId: string;
  let ward: { id: string; name: string };
  let actionId: string;
  /** The test's people, by employee number. */
  const people: Record<string, string> = {};

  const person = async (n: string, first: string, last: string, employerId: string, wardId: string | null) => {
    const [c] = await api.sql(`INSERT INTO contact (organisation_id, employer_id, first_name, last_name, staff_group, shift_pattern, contract_type,
        employee_number, work_email) VALUES ($1, $2, $3, $4, 'ESTATES_ANCILLARY', 'DAYS', 'SUBSTANTIVE', $5, $6) RETURNING id`,
    [org, employerId, first, last, n, `${n.toLowerCase()}@participation.nhs.example`]);
    if (wardId) await api.sql(`INSERT INTO posting (organisation_id, contact_id, ward_id, start_date) VALUES ($1, $2, $3, '2020-01-01')`, [org, c.id, wardId]);
    people[n] = c.id;
    return c.id as string;
  };

  beforeAll(async () => {
    api = await startTestApp();
    as = api.as('secretary');
    token = await api.login('secretary');
    [{ org }] = await api.sql('SELECT organisation_id AS org FROM employer WHERE id = $1', [api.demoEmployerId]);
    [{ id: secretaryId }] = await api.sql(`SELECT id FROM app_user WHERE email = 'secretary@unison.example'`);
    [{ id: repId }] = await api.sql(`SELECT id FROM app_user WHERE email = 'rep@unison.example'`);
    // a ward of the demo trust whose name no other ward of the organisation has (a sign-up sheet names wards)
    [ward] = await api.sql(`SELECT w.id, w.name FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1
      AND (SELECT count(*) FROM ward w2 WHERE w2.organisation_id = w.organisation_id AND lower(w2.name) = lower(w.name)) = 1 ORDER BY w.name LIMIT 1`, [api.demoEmployerId]);
    const [campaign] = await api.sql(`SELECT k.id FROM campaign k JOIN branch_employer be ON be.branch_id = k.branch_id
      WHERE be.employer_id = $1 AND k.organisation_id = $2 ORDER BY k.created_at LIMIT 1`, [api.demoEmployerId, org]);
    [{ id: actionId }] = await api.sql(`INSERT INTO campaign_action (organisation_id, campaign_id, kind, title, date)
      VALUES ($1, $2, 'PETITION', 'Safe staffing petition (import test)', '2026-11-01') RETURNING id`, [org, campaign.id]);
    await person('PT0001', 'Quillon', 'Abernethy', api.demoEmployerId, ward.id);
    await person('PT0002', 'Rosamund', 'Featherstonehaugh', api.demoEmployerId, ward.id);
    await person('PT0003', 'Tobiah', 'Wrigglesworth', api.demoEmployerId, ward.id);
    await person('PT0004', 'Ysolde', 'Pennefather', api.demoEmployerId, ward.id);
    await person('PT0005', 'Fenwick', 'Oddbjorn', api.demoEmployerId, ward.id);
    await person('PT0006', 'Marisol', 'Quennell', api.demoEmployerId, ward.id);
    // someone of another branch (secretary2's trust): outside the secretary's branches
    await person('PT0099', 'Outsider', 'Otherbranch', api.otherEmployerId, null);
    // already recorded: PT0004 pledged, PT0005 came (by the rep, a week ago)
    await api.sql(`INSERT INTO participation (organisation_id, action_id, contact_id, state, recorded_by_id, recorded_at)
      VALUES ($1, $2, $3, 'PLEDGED', $5, now() - interval '7 days'), ($1, $2, $4, 'ATTENDED_OR_SIGNED', $5, now() - interval '7 days')`,
    [org, actionId, people.PT0004, people.PT0005, repId]);
    process.env.IMPORT_CHUNK_ROWS = '2';
  }, 120_000);
  afterAll(async () => {
    delete process.env.IMPORT_CHUNK_ROWS;
    await api?.close();
  });

  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await as(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const ended = (id: string) => until('the apply to end', async () => {
    const [s] = await api.sql('SELECT status, error FROM import_run WHERE id = $1', [id]);
    return ['APPLIED', 'FAILED', 'CANCELLED'].includes(s.status) && s;
  });
  const participation = async () => api.sql(`SELECT contact_id, state::text, recorded_by_id, recorded_at FROM participation
    WHERE action_id = $1 ORDER BY contact_id`, [actionId]);
  const stateOf = async () => Object.fromEntries((await participation()).map((p) => [Object.entries(people).find(([, id]) => id === p.contact_id)?.[0] ?? p.contact_id, p.state]));
  /** Uploads a list onto the action, dry-runs it with the suggested mapping unchanged; the run's id. */
  const dryRun = async (file: Buffer, name = 'petition.csv') => {
    const up = await uploadImport(api, token, { kind: 'PARTICIPATION', actionId }, file, name);
    expect(up.status).toBe(201);
    const id = up.body.id!;
    const run = (await gql('query($id: ID!) { importRun(id: $id) { kind actionId employerId unionId headers suggestedMapping } }', { id })).importRun;
    expect(run).toMatchObject({ kind: 'PARTICIPATION', actionId, employerId: null, unionId: null });
    await gql('mutation($id: ID!) { dryRunImport(id: $id) { id } }', { id });
    return { id, suggested: run.suggestedMapping as (string | null)[] };
  };
  const apply = async (id: string) => {
    await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
    return ended(id);
  };
  const rowsOf = (id: string) => api.sql('SELECT row_no, outcome, reason, contact_id FROM import_row WHERE import_id = $1 ORDER BY row_no', [id]);
  /** The run's counts, and the same counted in SQL from its rows. */
  const counts = async (id: string) => {
    const [run] = await api.sql('SELECT created, updated, unchanged, refused, review FROM import_run WHERE id = $1', [id]);
    const [sql] = await api.sql(`SELECT count(*) FILTER (WHERE outcome = 'CREATE')::int AS created, count(*) FILTER (WHERE outcome = 'UPDATE')::int AS updated,
      count(*) FILTER (WHERE outcome = 'UNCHANGED')::int AS unchanged, count(*) FILTER (WHERE outcome = 'REFUSED')::int AS refused,
      count(*) FILTER (WHERE outcome = 'REVIEW')::int AS review FROM import_row WHERE import_id = $1`, [id]);
    expect(run).toEqual(sql);
    return run;
  };

  // A sign-up sheet: no "took part" column (everyone on it signed); found by employee number, by email, by name on the ward.
  const signUps = () => Buffer.from([
    'Employee Number,Name,Email,Ward',
    `PT0001,Quillon Abernethy,,${ward.name}`,
    `,Rosamund Featherstonehaugh,pt0002@participation.nhs.example,${ward.name}`,
    `,Tobiah Wrigglesworth,,${ward.name}`,
    `PT0004,Ysolde Pennefather,,${ward.name}`,
    `PT0005,Fenwick Oddbjorn,,${ward.name}`,
    'PT0099,Outsider Otherbranch,,',
    `,Nobody Known-Here,,${ward.name}`,
  ].join('\r\n'));

  it('a sign-up sheet: suggested mapping as is, dry run per row (checked against SQL), apply, then the same file again changes nothing', async () => {
    const { id, suggested } = await dryRun(signUps());
    expect(suggested).toEqual(['employeeNumber', 'fullName', 'workEmail', 'ward']);
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.outcome, r.contact_id])).toEqual([
      ['CREATE', people.PT0001], ['CREATE', people.PT0002], ['CREATE', people.PT0003],
      ['UPDATE', people.PT0004], ['UNCHANGED', people.PT0005], ['REFUSED', null], ['REFUSED', null],
    ]);
    expect(rows[5].reason).toBe('Nobody in your branches matches this person (import the staff list first)');
    expect(rows[6].reason).toBe('Nobody in your branches matches this person (import the staff list first)');
    // CREATE: no participation on the action yet; UPDATE: one lower than came/signed; UNCHANGED: came/signed already (SQL's own count)
    const [expected] = await api.sql(`SELECT count(*) FILTER (WHERE p.id IS NULL)::int AS created,
        count(*) FILTER (WHERE p.state < 'ATTENDED_OR_SIGNED')::int AS updated, count(*) FILTER (WHERE p.state = 'ATTENDED_OR_SIGNED')::int AS unchanged
      FROM import_row r LEFT JOIN participation p ON p.contact_id = r.contact_id AND p.action_id = $2 WHERE r.import_id = $1 AND r.contact_id IS NOT NULL`, [id, actionId]);
    expect(await counts(id)).toEqual({ ...expected, refused: 2, review: 0 });
    expect(expected).toEqual({ created: 3, updated: 1, unchanged: 1 });

    const before = await participation();
    expect(await apply(id)).toMatchObject({ status: 'APPLIED', error: null });
    expect(await stateOf()).toEqual({
      PT0001: 'ATTENDED_OR_SIGNED', PT0002: 'ATTENDED_OR_SIGNED', PT0003: 'ATTENDED_OR_SIGNED', PT0004: 'ATTENDED_OR_SIGNED', PT0005: 'ATTENDED_OR_SIGNED',
    });
    const after = await participation();
    for (const n of ['PT0001', 'PT0002', 'PT0003', 'PT0004']) {
      expect(after.find((p) => p.contact_id === people[n])).toMatchObject({ recorded_by_id: secretaryId });
    }
    // the unchanged row was not written: who recorded it and when stay the rep's, a week ago
    expect(after.find((p) => p.contact_id === people.PT0005)).toEqual(before.find((p) => p.contact_id === people.PT0005));
    const [audit] = await api.sql(`SELECT after FROM audit_event WHERE entity_id = $1 AND entity_type = 'ImportRun' AND after->>'status' = 'APPLIED'`, [id]);
    expect(audit.after).toMatchObject({ created: 3, updated: 1, unchanged: 1, refused: 2 });

    // the same file again: every matched row unchanged, and applying it writes nothing
    const again = await dryRun(signUps());
    expect(await counts(again.id)).toEqual({ created: 0, updated: 0, unchanged: 5, refused: 2, review: 0 });
    expect(await apply(again.id)).toMatchObject({ status: 'APPLIED' });
    expect(await participation()).toEqual(after);
  });

  it("a meeting's attendance with yes and no: no is invited, and a list never lowers what is recorded", async () => {
    const file = Buffer.from(['Staff Number,Surname,Forename,Attended', 'PT0001,Abernethy,Quillon,No', 'PT0006,Quennell,Marisol,No', 'PT0003,Wrigglesworth,Tobiah,Yes'].join('\n'));
    const { id, suggested } = await dryRun(file, 'meeting.csv');
    expect(suggested).toEqual(['employeeNumber', 'lastName', 'firstName', 'participated']);
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.outcome, r.contact_id])).toEqual([['UNCHANGED', people.PT0001], ['CREATE', people.PT0006], ['UNCHANGED', people.PT0003]]);
    expect(rows[0].reason).toBe('Already recorded as came or signed: a list never lowers what is recorded');
    expect(rows[2].reason).toBeNull();
    expect(await apply(id)).toMatchObject({ status: 'APPLIED' });
    const states = await stateOf();
    expect(states).toMatchObject({ PT0001: 'ATTENDED_OR_SIGNED', PT0006: 'INVITED', PT0003: 'ATTENDED_OR_SIGNED' });
  });

  it('a person the dry run matched, deleted since: the apply is refused, with what to do, and changes nothing', async () => {
    const late = await person('PT0010', 'Leocadia', 'Sprackling', api.demoEmployerId, ward.id);
    await person('PT0011', 'Barnaby', 'Quartermaine', api.demoEmployerId, ward.id);
    await person('PT0012', 'Clementine', 'Ormerod', api.demoEmployerId, ward.id);
    const file = Buffer.from(['Employee Number,Signed', 'PT0011,yes', 'PT0012,yes', 'PT0006,yes', 'PT0010,yes'].join('\n'));
    const { id } = await dryRun(file, 'late.csv');
    expect(await counts(id)).toEqual({ created: 3, updated: 1, unchanged: 0, refused: 0, review: 0 });
    // the last row's person (a new participation: the third chunk of two rows) is deleted after the dry run
    await api.sql('UPDATE contact SET deleted_at = now() WHERE id = $1', [late]);
    const before = await participation();
    const res = await as('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: 'a person this dry run matched has since been deleted or merged: run the dry run again' } });
    expect(await api.sql('SELECT status FROM import_run WHERE id = $1', [id])).toEqual([{ status: 'DRY_RUN' }]);
    expect(await participation()).toEqual(before);
    expect((await stateOf()).PT0006).toBe('INVITED');
  });

  it('a name two people share on the ward waits for review; the candidate chosen decides, nobody refuses', async () => {
    const twins = [await person('PT0020', 'Wilhelmina', 'Thistlewood', api.demoEmployerId, ward.id), await person('PT0021', 'Wilhelmina', 'Thistlewood', api.demoEmployerId, ward.id)];
    const file = Buffer.from(['Name,Ward', `Wilhelmina Thistlewood,${ward.name}`, `Wilhelmina Thistlewood,${ward.name}`].join('\n'));
    const { id } = await dryRun(file, 'names.csv');
    const rows = await api.sql('SELECT row_no, outcome, candidates FROM import_row WHERE import_id = $1 ORDER BY row_no', [id]);
    expect(rows.map((r) => r.outcome)).toEqual(['REVIEW', 'REVIEW']);
    expect([...rows[0].candidates].sort()).toEqual([...twins].sort());
    const resolve = (rowNo: number, contactId: string | null) => gql('mutation($i: ResolveImportRowInput!) { resolveImportRow(input: $i) { created refused review } }',
      { i: { importId: id, rowNo, contactId } });
    expect((await resolve(rows[0].row_no, twins[1])).resolveImportRow).toEqual({ created: 1, refused: 0, review: 1 });
    expect((await resolve(rows[1].row_no, null)).resolveImportRow).toEqual({ created: 1, refused: 1, review: 0 });
    expect((await rowsOf(id)).map((r) => [r.outcome, r.contact_id, r.reason])).toEqual([
      ['CREATE', twins[1], null], ['REFUSED', null, 'Nobody in your branches matches this person (import the staff list first)'],
    ]);
    expect(await apply(id)).toMatchObject({ status: 'APPLIED' });
    expect(await stateOf()).toMatchObject({ PT0021: 'ATTENDED_OR_SIGNED' });
    expect((await stateOf()).PT0020).toBeUndefined();
  });

  it('an action deleted after the dry run: the run stays, without its action, and cannot be applied', async () => {
    const [campaign] = await api.sql('SELECT campaign_id AS id FROM campaign_action WHERE id = $1', [actionId]);
    const [other] = await api.sql(`INSERT INTO campaign_action (organisation_id, campaign_id, kind, title, date)
      VALUES ($1, $2, 'MEETING', 'A meeting soon deleted', '2026-11-02') RETURNING id`, [org, campaign.id]);
    const up = await uploadImport(api, token, { kind: 'PARTICIPATION', actionId: other.id }, Buffer.from('Employee Number\nPT0001\n'), 'gone.csv');
    expect(up.status).toBe(201);
    await gql('mutation($id: ID!) { dryRunImport(id: $id) { id } }', { id: up.body.id });
    // deleted by the branch secretary through the API (as the app's role, under row-level security)
    await gql('mutation($id: ID!) { deleteCampaignAction(id: $id) { id } }', { id: other.id });
    const [run] = await api.sql('SELECT status, campaign_action_id FROM import_run WHERE id = $1', [up.body.id]);
    expect(run).toEqual({ status: 'DRY_RUN', campaign_action_id: null });
    const before = await participation();
    const res = await as('mutation($id: ID!) { applyImport(id: $id) { id } }', { id: up.body.id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { actionId: 'its campaign action has been deleted' } });
    expect(await participation()).toEqual(before);
  });

  describe('who may upload onto which action', () => {
    const refused = async (who: Parameters<TestApp['login']>[0], fields: Record<string, string>, status: number, message?: string) => {
      const before = await stagedCounts(api);
      const res = await uploadImport(api, await api.login(who), fields, signUps(), 'petition.csv');
      expect(res.status).toBe(status);
      if (message) expect(res.body.message).toBe(message);
      expect(await stagedCounts(api)).toEqual(before);
    };

    it("the run is seen only by those who may import into every employer its uploader could: not another branch's secretary", async () => {
      const up = await uploadImport(api, token, { kind: 'PARTICIPATION', actionId }, signUps(), 'petition.csv');
      expect(up.status).toBe(201);
      const [run] = await api.sql('SELECT employer_ids FROM import_run WHERE id = $1', [up.body.id]);
      expect(run.employer_ids).toEqual([api.demoEmployerId]);
      const seen = await api.as('secretary2')('query($id: ID!) { importRun(id: $id) { id } }', { id: up.body.id });
      expect(seen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const rows = await api.as('secretary2')('query($id: ID!) { importRows(importId: $id) { rowNo } }', { id: up.body.id });
      expect(rows.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it.each(['rep', 'caseworker', 'coalition'] as const)('a %s may not (403, nothing staged)', async (who) => {
      await refused(who, { kind: 'PARTICIPATION', actionId }, 403);
    });

    it("another organisation's action, an action of another branch and an unknown id get the same answer", async () => {
      const [bma] = await api.sql(`SELECT a.id FROM campaign_action a WHERE a.organisation_id <> $1 LIMIT 1`, [org]);
      const [otherBranch] = await api.sql(`SELECT a.id FROM campaign_action a JOIN campaign k ON k.id = a.campaign_id
        JOIN branch_employer be ON be.branch_id = k.branch_id WHERE be.employer_id = $1 LIMIT 1`, [api.otherEmployerId]);
      expect(bma?.id && otherBranch?.id).toBeTruthy();
      for (const id of [bma.id, otherBranch.id, '6f1b3c1e-0000-4000-8000-000000000000', 'not-an-id']) {
        await refused('secretary', { kind: 'PARTICIPATION', actionId: id }, 400, 'actionId: not a campaign action of your branches');
      }
      await refused('secretary', { kind: 'PARTICIPATION' }, 400, 'actionId: a participation list needs its campaign action (a form field before the file)');
    });

    it("someone who sees the action's campaign but does not record participation there (its coalition partner) is refused", async () => {
      const [{ branch }] = await api.sql('SELECT k.branch_id AS branch FROM campaign_action a JOIN campaign k ON k.id = a.campaign_id WHERE a.id = $1', [actionId]);
      const [role] = await api.sql(`INSERT INTO user_branch_role (user_id, branch_id, role)
        SELECT id, $1, 'COALITION_VIEWER' FROM app_user WHERE email = 'secretary2@unison.example' RETURNING id`, [branch]);
      try {
        await refused('secretary2', { kind: 'PARTICIPATION', actionId }, 400, "actionId: you do not record participation in this campaign's branch");
      } finally {
        await api.sql('DELETE FROM user_branch_role WHERE id = $1', [role.id]);
      }
    });
  });
});
