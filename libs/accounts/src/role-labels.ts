import type { Language, Role } from '@mesecvi/http';

/** How a role is named to people, in the four languages of the Convention. */
export const ROLE_LABELS: Record<Role, Record<Language, string>> = {
  secretariat: {
    en: 'Technical Secretariat',
    es: 'Secretaría Técnica',
    fr: 'Secrétariat technique',
    pt: 'Secretaria Técnica',
  },
  state_focal_point: {
    en: 'National focal point (Competent National Authority)',
    es: 'Punto focal nacional (Autoridad Nacional Competente)',
    fr: 'Point focal national (Autorité nationale compétente)',
    pt: 'Ponto focal nacional (Autoridade Nacional Competente)',
  },
  state_contributor: {
    en: 'National contributor',
    es: 'Colaborador/a nacional',
    fr: 'Contributeur national',
    pt: 'Colaborador/a nacional',
  },
  committee_expert: {
    en: 'Committee of Experts member',
    es: 'Integrante del Comité de Expertas',
    fr: 'Membre du Comité d’expertes',
    pt: 'Integrante do Comitê de Especialistas',
  },
};
