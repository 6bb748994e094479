export { StateParty, OAS_MEMBERSHIP, type OasMembership } from './state-party.entity';
export { StateContact, CONTACT_KINDS, type ContactKind } from './state-contact.entity';
export { toStatePartyView, toStateContactView, stateName } from './state-party.view';
export {
  StatePartyViewSchema,
  StatePartyListSchema,
  StatePartyChangesSchema,
  StateContactInputSchema,
  StateContactChangesSchema,
  StateContactViewSchema,
  StateContactListSchema,
  type StatePartyView,
  type StatePartyChanges,
  type StateContactInput,
  type StateContactChanges,
  type StateContactView,
} from './state.schemas';
export { StatesPartiesService } from './states-parties.service';
export { StateContactsService } from './state-contacts.service';
export { StatesModule } from './states.module';
