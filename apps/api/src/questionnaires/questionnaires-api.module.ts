import { Module } from '@nestjs/common';
import { QuestionnairesModule } from '@mesecvi/questionnaires';
import { QuestionnairesController } from './questionnaires.controller';

@Module({ imports: [QuestionnairesModule], controllers: [QuestionnairesController] })
export class QuestionnairesApiModule {}
