import { Injectable } from '@nestjs/common';
import { AuditAction } from '../audit/audit-event.entity.js';
import { type AuditedRecord, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { RequestLoaders } from '../common/loaders.js';

/** The case a record belongs to, as the audit log needs it: whose branch's admins read the entry. */
export interface AuditedCase { id: string; employerId: string }

/** A kind of case record the audit log names. */
export type CaseRecordType = 'Case' | 'CaseTeam' | 'CaseLink' | 'CaseMeeting' | 'CaseCustomDeadline' | 'CaseNote' | 'CaseDocument';

/**
 * The audit log of casework. Every read of case content (a case's summary, outcome or deadlines, a
 * meeting, a note) is an entry (READ: who, which record, what was read, and the case), written in the
 * request's transaction, one per record and request: the reads of a response are gathered per
 * request (a DataLoader) and written in one statement. Every change is an entry as elsewhere (CREATE,
 * UPDATE, DELETE with the record before and after), never with the sealed text itself: a snapshot
 * says that the text changed, not what it says. Entries carry the member's employer, so only the
 * admins of the member's branch read them.
 */
@Injectable()
export class CaseAudit {
  constructor(private readonly audit: AuditService) {}

  /** Records that the caller read `what` (field names) of a record of this case. Resolves once written. */
  read(loaders: RequestLoaders, kase: AuditedCase, type: CaseRecordType, id: string, what: readonly string[]): Promise<void> {
    const loader = loaders.get<string, void>('case.audit.read', async (keys, user) => {
      // One entry per record: every field of it read in this batch, in the order asked.
      const byRecord = new Map<string, { kase: AuditedCase; type: CaseRecordType; id: string; what: Set<string> }>();
      for (const key of keys) {
        const [caseId, employerId, t, recordId, field] = JSON.parse(key) as [string, string, CaseRecordType, string, string];
        const k = `${t}:${recordId}`;
        const entry = byRecord.get(k) ?? { kase: { id: caseId, employerId }, type: t, id: recordId, what: new Set<string>() };
        entry.what.add(field);
        byRecord.set(k, entry);
      }
      await this.audit.recordAll([...byRecord.values()].map((e) => ({
        action: AuditAction.READ, user, entityType: e.type, entityId: e.id, employerId: e.kase.employerId,
        after: { caseId: e.kase.id, read: [...e.what] },
      })));
      return keys.map(() => undefined);
    });
    return Promise.all(what.map((field) => loader.load(JSON.stringify([kase.id, kase.employerId, type, id, field])))).then(() => undefined);
  }

  /**
   * Records that the caller was handed these records of cases (meetings, notes, custom deadlines: all
   * of them content), one entry each. `caseOf` finds each record's case through the CaseDoor.
   */
  async readAll(
    loaders: RequestLoaders, type: CaseRecordType, rows: readonly { id: string; caseId: string }[], what: readonly string[],
    caseOf: (caseId: string) => Promise<AuditedCase | null>,
  ): Promise<void> {
    await Promise.all(rows.map(async (r) => {
      const kase = await caseOf(r.caseId);
      if (kase) await this.read(loaders, kase, type, r.id, what);
    }));
  }

  /** A create (`before` null), update or delete (`after` null) of a record of this case. */
  change(user: AuthUser, kase: AuditedCase, type: CaseRecordType, before: AuditedRecord | null, after: AuditedRecord | null): Promise<void> {
    const action = !before ? AuditAction.CREATE : !after ? AuditAction.DELETE : AuditAction.UPDATE;
    return this.audit.record({ action, user, entityType: type, entityId: (after ?? before)!.id, employerId: kase.employerId, before, after });
  }
}
