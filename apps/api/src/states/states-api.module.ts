import { Module } from '@nestjs/common';
import { StatesModule } from '@mesecvi/states';
import { StatesPartiesController } from './states-parties.controller';
import { StateContactsController } from './state-contacts.controller';

@Module({ imports: [StatesModule], controllers: [StatesPartiesController, StateContactsController] })
export class StatesApiModule {}
