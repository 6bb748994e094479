import { defineRules } from '@mesecvi/errors';

/** The rules an invitation or an account change can break. */
export const ACCOUNT_RULES = defineRules({
  account_email_taken: {
    status: 409,
    messages: {
      en: 'An account with this e-mail address already exists with another role or state.',
      es: 'Ya existe una cuenta con esta dirección de correo electrónico, con otro rol u otro Estado.',
      fr: 'Un compte existe déjà pour cette adresse électronique, avec un autre rôle ou un autre État.',
      pt: 'Já existe uma conta com este endereço de e-mail, com outra função ou outro Estado.',
    },
  },
});
