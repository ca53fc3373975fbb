import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service.js';
import { PeopleDoor } from './people-door.js';
import { WorkplaceAccess } from './workplace-access.js';

/** Who may do what (AccessService), the one door to people's data (PeopleDoor), and the workplace map's writers. */
@Global()
@Module({ providers: [AccessService, PeopleDoor, WorkplaceAccess], exports: [AccessService, PeopleDoor, WorkplaceAccess] })
export class AccessModule {}
