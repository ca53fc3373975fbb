import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service.js';
import { CaseDoor } from './case-door.js';
import { PeopleDoor } from './people-door.js';
import { WorkplaceAccess } from './workplace-access.js';

/** Who may do what (AccessService), the one door to people's data (PeopleDoor) and to case content (CaseDoor), and the workplace map's writers. */
@Global()
@Module({ providers: [AccessService, PeopleDoor, CaseDoor, WorkplaceAccess], exports: [AccessService, PeopleDoor, CaseDoor, WorkplaceAccess] })
export class AccessModule {}
