import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { CaseCipher } from './case-cipher.js';

/** Provides CaseCipher, built once from CASE_ENCRYPTION_KEYS (validated at boot by loadConfig). */
@Module({
  providers: [{ provide: CaseCipher, inject: [AppConfig], useFactory: (config: AppConfig) => new CaseCipher(config.CASE_ENCRYPTION_KEYS ?? '') }],
  exports: [CaseCipher],
})
export class CaseCryptoModule {}
