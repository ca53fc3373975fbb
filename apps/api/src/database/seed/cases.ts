/**
 * Demo casework: a few cases per branch, their teams, meetings, deadlines and notes, dated from the
 * day the seed runs (so the caseworker's week always has a hearing coming and an appeal window
 * closing). Written as the tables' owner, with the summary and note text sealed by the app's cipher.
 */
import { createHash } from 'node:crypto';
import { addDays, addWorkingDays, type IsoDate } from '@rollcall/domain';
import type { CaseCipher } from '../../casework/crypto/case-cipher.js';
import type { SeedClient } from './copy-writer.js';

interface BranchRow { id: string; name: string; organisation_id: string; employer_id: string }
interface Member { id: string }

/** One case of the demo: what happened, relative to `today` (days; working days where a meeting is ahead). */
interface DemoCase {
  key: string;
  type: string;
  status: string;
  openedAgo: number;
  summary: string;
  outcome?: string;
  closedAgo?: number;
  outcomeLetterAgo?: number;
  actAgo?: number;
  follows?: string;
  /** Whether the branch's rep (if any) sits on the team. */
  withRep?: boolean;
  meetings: { kind: string; day: (today: IsoDate) => IsoDate; time?: string; place?: string; panel?: string; accompanied?: boolean; outcome?: string; notes?: string }[];
  custom?: { label: string; in: number; done?: boolean }[];
  notes: { ago: number; text: string }[];
}

const CASES: readonly DemoCase[] = [
  {
    key: 'conduct', type: 'DISCIPLINARY', status: 'AWAITING_MEETING', openedAgo: 12, withRep: true,
    summary: 'Alleged failure to follow the controlled drugs procedure on a night shift; the member says the ward was two nurses short.',
    meetings: [
      { kind: 'INVESTIGATION', day: (t) => addDays(t, -8), time: '14:00', place: 'Ward manager\'s office', accompanied: true, outcome: 'Referred to a disciplinary hearing', notes: 'Member gave a clear account; rota for the night requested.' },
      { kind: 'DISCIPLINARY_HEARING', day: (t) => addWorkingDays(t, 3), time: '10:00', place: 'Board room, main hospital', panel: 'Deputy director of nursing; HR business partner' },
    ],
    custom: [{ label: 'Send the staffing rota for the night to HR', in: 1 }],
    notes: [
      { ago: 11, text: 'First meeting with the member: consent to representation given; anxious about registration.' },
      { ago: 2, text: 'Hearing pack received. Statement from the other nurse on shift supports the short-staffing account.' },
    ],
  },
  {
    key: 'grievance', type: 'GRIEVANCE', status: 'AWAITING_OUTCOME', openedAgo: 30,
    summary: 'Grievance about being refused flexible working after returning from maternity leave.',
    meetings: [{ kind: 'GRIEVANCE_HEARING', day: (t) => addDays(t, -6), time: '11:30', place: 'HR meeting room 2', panel: 'Head of midwifery', accompanied: true }],
    custom: [{ label: 'Chase the outcome letter', in: 2 }],
    notes: [{ ago: 6, text: 'Hearing went well; panel promised an outcome within a week.' }],
  },
  {
    key: 'warning', type: 'DISCIPLINARY', status: 'APPEALED', openedAgo: 60, outcome: 'FINAL_WRITTEN_WARNING', outcomeLetterAgo: 5,
    summary: 'Lateness over three months; the member cares for a parent and asked for a later start twice.',
    meetings: [{ kind: 'DISCIPLINARY_HEARING', day: (t) => addDays(t, -12), time: '09:30', place: 'Board room, main hospital', accompanied: true, outcome: 'Final written warning' }],
    notes: [{ ago: 5, text: 'Outcome letter dated today; member wants to appeal. Carer\'s leave policy not considered.' }],
  },
  {
    key: 'appeal', type: 'APPEAL', status: 'AWAITING_MEETING', openedAgo: 3, follows: 'warning',
    summary: 'Appeal against the final written warning: mitigation (caring responsibilities) not considered.',
    meetings: [{ kind: 'APPEAL_HEARING', day: (t) => addWorkingDays(t, 9), time: '13:00', place: 'Trust headquarters' }],
    notes: [{ ago: 3, text: 'Appeal letter sent.' }],
  },
  {
    key: 'tribunal', type: 'EMPLOYMENT_TRIBUNAL', status: 'OPEN', openedAgo: 40, actAgo: 70,
    summary: 'Dismissal after long-term sickness absence: possible disability discrimination and unfair dismissal claim.',
    meetings: [],
    custom: [{ label: 'Regional office to advise on the claim', in: 10 }],
    notes: [{ ago: 40, text: 'Referred to the regional office for legal advice; early conciliation not started yet.' }],
  },
  {
    key: 'closed', type: 'SICKNESS_ABSENCE', status: 'CLOSED', openedAgo: 120, closedAgo: 20, outcome: 'NO_CASE_TO_ANSWER',
    summary: 'Stage 2 sickness absence meeting after a back injury at work.',
    meetings: [{ kind: 'OTHER', day: (t) => addDays(t, -25), place: 'Occupational health', accompanied: true, outcome: 'No further action; phased return agreed' }],
    notes: [{ ago: 20, text: 'Closed: phased return agreed, no warning.' }],
  },
];

/**
 * Writes the demo cases of every branch: members picked from the branch's current staff (the case
 * with a rep on its team, from the rep's patch), the branch's caseworker (else its secretary or
 * admin) as caseworker. Returns how many cases were written.
 */
export async function writeCases(client: SeedClient, cipher: Pick<CaseCipher, 'encrypt'>, today: IsoDate): Promise<number> {
  const { rows: branches } = await client.query<BranchRow>(`SELECT b.id, b.name, b.organisation_id, min(be.employer_id::text)::uuid AS employer_id
    FROM branch b JOIN branch_employer be ON be.branch_id = b.id GROUP BY b.id ORDER BY b.organisation_id, b.name`);
  let written = 0;
  for (const branch of branches) {
    const { rows: [worker] } = await client.query<{ id: string }>(`SELECT user_id AS id FROM user_branch_role WHERE branch_id = $1
      AND role IN ('CASEWORKER', 'BRANCH_SECRETARY', 'ADMIN') ORDER BY array_position(ARRAY['CASEWORKER', 'BRANCH_SECRETARY', 'ADMIN'], role::text), user_id LIMIT 1`, [branch.id]);
    if (!worker) continue;
    const { rows: [rep] } = await client.query<{ id: string }>(
      "SELECT user_id AS id FROM user_branch_role WHERE branch_id = $1 AND role = 'REP' ORDER BY user_id LIMIT 1", [branch.id]);
    // Current staff of the branch; the rep's case is someone on their patch.
    const staff = `SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE c.organisation_id = $1 AND c.employer_id = $2 AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > $3)`;
    const { rows: members } = await client.query<Member>(`${staff} ORDER BY hashtext(c.id::text), c.id LIMIT 8`, [branch.organisation_id, branch.employer_id, today]);
    const { rows: [onPatch] } = rep
      ? await client.query<Member>(`${staff} AND w.site_id IN (SELECT site_id FROM rep_patch WHERE user_id = $4) ORDER BY hashtext(c.id::text), c.id LIMIT 1`,
        [branch.organisation_id, branch.employer_id, today, rep.id])
      : { rows: [] as Member[] };
    const ids = new Map<string, string>();
    let next = 0;
    for (const demo of CASES) {
      const member = demo.withRep && onPatch ? onPatch : demo.follows ? memberOf(ids, demo.follows) : members[next++ % Math.max(members.length, 1)];
      if (!member) continue;
      const id = seedId(branch.organisation_id, branch.name, demo.key); // branches' own ids are made at random
      ids.set(demo.key, id);
      ids.set(`${demo.key}:member`, member.id);
      await client.query(`INSERT INTO case_file (id, organisation_id, branch_id, contact_id, employer_id, type, status, opened_on, closed_on, summary,
          outcome, consent_to_representation, consent_recorded_on, act_date, outcome_letter_date, created_by_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $8, $12, $13, $14)`, [
        id, branch.organisation_id, branch.id, member.id, branch.employer_id, demo.type, demo.status, addDays(today, -demo.openedAgo),
        demo.closedAgo === undefined ? null : addDays(today, -demo.closedAgo), cipher.encrypt(demo.summary), demo.outcome ?? null,
        demo.actAgo === undefined ? null : addDays(today, -demo.actAgo), demo.outcomeLetterAgo === undefined ? null : addDays(today, -demo.outcomeLetterAgo),
        worker.id,
      ]);
      await client.query("INSERT INTO case_team (id, case_id, user_id, role) VALUES ($1, $2, $3, 'CASEWORKER')", [seedId(id, 'caseworker'), id, worker.id]);
      if (demo.withRep && rep && onPatch) {
        await client.query("INSERT INTO case_team (id, case_id, user_id, role) VALUES ($1, $2, $3, 'REP')", [seedId(id, 'rep'), id, rep.id]);
      }
      if (demo.follows) {
        await client.query('INSERT INTO case_link (id, case_id, linked_case_id, created_by_id) VALUES ($1, $2, $3, $4)',
          [seedId(id, 'link'), id, ids.get(demo.follows), worker.id]);
      }
      for (const [i, m] of demo.meetings.entries()) {
        await client.query(`INSERT INTO case_meeting (id, case_id, kind, date, time, place, panel, accompanied, accompanied_by, outcome, notes, created_by_id)
          VALUES ($12, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
          id, m.kind, m.day(today), m.time ?? null, m.place ?? null, m.panel ?? null, m.accompanied ?? false,
          m.accompanied ? 'Union caseworker' : null, m.outcome ?? null, m.notes ? cipher.encrypt(m.notes) : null, worker.id, seedId(id, 'meeting', i),
        ]);
      }
      for (const [i, c] of (demo.custom ?? []).entries()) {
        await client.query('INSERT INTO case_custom_deadline (id, case_id, label, due, done, created_by_id) VALUES ($6, $1, $2, $3, $4, $5)',
          [id, c.label, addDays(today, c.in), c.done ?? false, worker.id, seedId(id, 'deadline', i)]);
      }
      for (const [i, n] of demo.notes.entries()) {
        await client.query(`INSERT INTO case_note (id, case_id, author_id, written_at, body) VALUES ($5, $1, $2, ($3::date + time '16:30') AT TIME ZONE 'Europe/London', $4)`,
          [id, worker.id, addDays(today, -n.ago), cipher.encrypt(n.text), seedId(id, 'note', i)]);
      }
      written++;
    }
  }
  return written;
}

/** A fixed id for a demo row (the same data set gives the same ids, as the rest of the seed does). */
function seedId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('/')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function memberOf(ids: Map<string, string>, key: string): Member | undefined {
  const id = ids.get(`${key}:member`);
  return id ? { id } : undefined;
}
