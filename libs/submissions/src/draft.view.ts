export type { DraftView, DraftSaveResult, ItemEditView } from './submission.schemas';
