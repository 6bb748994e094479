import type { Language } from '@mesecvi/http';
import type { StateContactView, StatePartyView } from './state.schemas';
import type { StateParty } from './state-party.entity';
import type { StateContact } from './state-contact.entity';

export function toStatePartyView(s: StateParty): StatePartyView {
  return {
    code: s.code,
    name: { en: s.nameEn, es: s.nameEs, fr: s.nameFr, pt: s.namePt },
    workingLanguage: s.workingLanguage,
    oasMembership: s.oasMembership,
    ratificationDate: s.ratificationDate,
    version: s.version,
  };
}

export function toStateContactView(c: StateContact): StateContactView {
  return {
    id: c.id,
    stateCode: c.stateCode,
    kind: c.kind,
    name: c.name,
    email: c.email,
    phone: c.phone,
    postalAddress: c.postalAddress,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function stateName(s: StateParty, language: Language): string {
  return { en: s.nameEn, es: s.nameEs, fr: s.nameFr, pt: s.namePt }[language];
}
