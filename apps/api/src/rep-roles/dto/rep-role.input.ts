import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ArrayMinSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { RepRoleKind } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { ClientId, MaxIds, OptionalIdFilter, OptionalLocalDate } from '../../common/validators.js';

@InputType()
export class RepRoleCreateInput {
  @ClientId()
  id?: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field(() => RepRoleKind)
  @IsEnum(RepRoleKind)
  kind: RepRoleKind;

  @Field(() => [ID], { description: 'Wards this rep covers' })
  @ArrayMinSize(1, { message: 'wardIds must name at least one ward' })
  @MaxIds(50)
  @IsUUID('all', { each: true, message: 'wardIds must be valid ids' })
  wardIds: string[];

  @OptionalLocalDate()
  startDate?: string | null;

  @OptionalLocalDate()
  endDate?: string | null;
}

@InputType()
export class RepRoleUpdateInput extends PartialType(OmitType(RepRoleCreateInput, ['id', 'contactId'] as const)) {}

@InputType()
export class RepRoleFilter extends BaseFilter {
  @OptionalIdFilter()
  contactId?: string;

  @Field(() => RepRoleKind, { nullable: true })
  @IsOptional()
  @IsEnum(RepRoleKind)
  kind?: RepRoleKind;

  @OptionalIdFilter()
  wardId?: string;
}
