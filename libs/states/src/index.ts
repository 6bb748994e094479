export { StateParty, OAS_MEMBERSHIP, type OasMembership } from './state-party.entity';
export { StateContact, CONTACT_KINDS, type ContactKind } from './state-contact.entity';
export {
  toStatePartyView,
  toStateContactView,
  stateName,
  type StatePartyView,
  type StateContactView,
} from './state-party.view';
export { StatesPartiesService, type StatePartyChanges } from './states-parties.service';
export { StateContactsService, type StateContactInput } from './state-contacts.service';
export { StatesModule } from './states.module';
