import { Field, ID, InputType } from '@nestjs/graphql';
import { MAX_LENGTH, MIN_PASSWORD_LENGTH } from '@rollcall/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { Role } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { IdList, OptionalIdFilter, RequiredText } from '../../common/validators.js';

@InputType()
export class BranchRoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'branchId must be an id' })
  branchId: string;

  @Field(() => Role)
  @IsEnum(Role, { message: 'role must be one of the roles' })
  role: Role;
}

@InputType()
export class UserCreateInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(MAX_LENGTH.EMAIL)
  email: string;

  @Field()
  @RequiredText(MAX_LENGTH.DISPLAY_NAME, 'displayName is required')
  displayName: string;

  @Field({ description: 'Initial password (at least 12 characters); the user should change it' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_LENGTH.PASSWORD, { message: `password must be at most ${MAX_LENGTH.PASSWORD} characters` })
  password: string;

  @Field(() => [BranchRoleInput], { description: 'Roles in branches you administer' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BranchRoleInput)
  roles: BranchRoleInput[];

  @IdList({ max: 200, nullable: true, description: "A rep's patch: sites of the employers of the branches they are a rep in" })
  patchSiteIds?: string[];
}

@InputType()
export class UserUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(MAX_LENGTH.DISPLAY_NAME, 'displayName must not be empty')
  displayName?: string;

  @Field({ nullable: true, description: 'false: the user can no longer log in and every session ends' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true, description: 'Sets a new password and ends every session of the user' })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_LENGTH.PASSWORD, { message: `password must be at most ${MAX_LENGTH.PASSWORD} characters` })
  password?: string;

  @Field(() => [BranchRoleInput], { nullable: true, description: "Replaces the user's roles in the branches you administer (others stay)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BranchRoleInput)
  roles?: BranchRoleInput[];

  @IdList({ max: 200, nullable: true, description: "Replaces the patch sites within the branches you administer" })
  patchSiteIds?: string[];
}

@InputType()
export class UserFilter extends BaseFilter {
  @OptionalIdFilter()
  branchId?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
