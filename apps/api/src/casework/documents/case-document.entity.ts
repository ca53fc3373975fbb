import { Field, HideField, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedEntity } from '../../common/base.entity.js';
import { User } from '../../users/user.entity.js';
import { CaseFile } from '../cases/case-file.entity.js';

/**
 * A document attached to a case: a letter, an investigation report, a statement, a photo of paper
 * (document-policy.ts says which types, by content, up to 20 MB). Its bytes are sealed by CaseCipher
 * (`content`, never selected unless asked for: lists carry metadata only) and handed out only by
 * `GET /cases/:caseId/documents/:id`, each download audited. Kept until deleted (by the case's
 * caseworkers or the branch's officers, or whoever uploaded it while on the team): a delete removes
 * the bytes and leaves an audit entry.
 */
@ObjectType()
@Entity('case_document')
@Index('ix_case_document_case_created', ['caseId', 'createdAt'])
export class CaseDocument extends CreatedEntity {
  /** The case's organisation: the foreign key to the case includes it. */
  @HideField()
  @Column({ type: 'uuid' })
  organisationId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseFile, { onDelete: 'CASCADE' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'case_id', referencedColumnName: 'id' }])
  case: Relation<CaseFile>;

  @Field({ description: 'The name it was uploaded with, made safe (no path, no control characters)' })
  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @Field({ description: 'Its type, as found from its content' })
  @Column({ type: 'varchar', length: 100 })
  mediaType: string;

  @Field(() => Int, { name: 'size', description: 'In bytes' })
  @Column({ type: 'integer' })
  sizeBytes: number;

  /** SHA-256 of the plaintext, hex: which file it was, for the audit log. */
  @HideField()
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** The bytes, sealed by CaseCipher (key id inside). Selected only for a download. */
  @HideField()
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  uploadedBy: Relation<User>;
}
