import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class AssessInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field(() => Int)
  @IsInt({ message: 'value must be a whole number from 1 to 5' })
  @Min(1, { message: 'value must be from 1 (leader) to 5 (opposed)' })
  @Max(5, { message: 'value must be from 1 (leader) to 5 (opposed)' })
  value: number;
}

@InputType()
export class LeaderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field()
  @IsBoolean()
  leader: boolean;

  @Field(() => String, { nullable: true, description: 'Why (required when marking)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.SHORT_TEXT)
  reason?: string | null;
}

@InputType()
export class LinkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'leaderId must be a valid id' })
  leaderId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'followerId must be a valid id' })
  followerId: string;
}
