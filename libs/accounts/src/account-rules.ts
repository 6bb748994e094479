import { defineRules } from '@mesecvi/errors';

/** The rules an invitation, an account change or a browser session request can break. */
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
  session_header_required: {
    status: 403,
    messages: {
      en: 'This request must be sent by the web application (header X-Mesecvi-Session: 1).',
      es: 'Esta solicitud debe enviarla la aplicación web (encabezado X-Mesecvi-Session: 1).',
      fr: 'Cette requête doit être envoyée par l’application web (en-tête X-Mesecvi-Session: 1).',
      pt: 'Esta solicitação deve ser enviada pelo aplicativo web (cabeçalho X-Mesecvi-Session: 1).',
    },
  },
  session_json_required: {
    status: 403,
    messages: {
      en: 'This request must carry a JSON body (Content-Type: application/json).',
      es: 'Esta solicitud debe llevar un cuerpo JSON (Content-Type: application/json).',
      fr: 'Cette requête doit porter un corps JSON (Content-Type: application/json).',
      pt: 'Esta solicitação deve ter um corpo JSON (Content-Type: application/json).',
    },
  },
  session_cookie_missing: {
    status: 401,
    messages: {
      en: 'You are not signed in on this browser. Sign in again.',
      es: 'No ha iniciado sesión en este navegador. Vuelva a iniciar sesión.',
      fr: 'Vous n’êtes pas connecté sur ce navigateur. Reconnectez-vous.',
      pt: 'Você não está conectado neste navegador. Inicie a sessão novamente.',
    },
  },
  session_expired: {
    status: 401,
    messages: {
      en: 'Your session has ended. Sign in again.',
      es: 'Su sesión ha terminado. Vuelva a iniciar sesión.',
      fr: 'Votre session a pris fin. Reconnectez-vous.',
      pt: 'Sua sessão terminou. Inicie a sessão novamente.',
    },
  },
});
