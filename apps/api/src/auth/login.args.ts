import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The longest email address SMTP can carry (RFC 5321: a 256-character path, less its brackets). */
export const MAX_EMAIL_LENGTH = 254;
/** Far longer than any passphrase, short enough that argon2 never hashes a flood of bytes. */
export const MAX_LOGIN_PASSWORD_LENGTH = 1024;

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'email is required' })
  @MaxLength(MAX_EMAIL_LENGTH, { message: `email must be at most ${MAX_EMAIL_LENGTH} characters` })
  email: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'password is required' })
  @MaxLength(MAX_LOGIN_PASSWORD_LENGTH, { message: `password must be at most ${MAX_LOGIN_PASSWORD_LENGTH} characters` })
  password: string;
}
