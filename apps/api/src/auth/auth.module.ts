import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../config/app-config.js';
import { User } from '../users/user.entity.js';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginThrottle } from './login-throttle.js';
import { DbThrottleStore } from './db-throttle-store.js';
import { DataSource } from 'typeorm';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [
    RequestRepositories.forFeature([User]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}h`, algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [{ provide: LoginThrottle, useFactory: (db: DataSource) => new LoginThrottle(new DbThrottleStore(db)), inject: [DataSource] }, AuthService, AuthResolver, LocalStrategy, JwtStrategy, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
