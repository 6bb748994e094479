import type { Language } from '@mesecvi/http';
import type { PasswordProblem } from '../password-policy';

/** Every sentence of the account pages, in the four languages of the Convention. */
export interface PageCopy {
  platform: string;
  invitationTitle: string;
  invitationIntro: (name: string) => string;
  resetTitle: string;
  resetIntro: (name: string) => string;
  password: string;
  confirmation: string;
  passwordHint: string;
  submitInvitation: string;
  submitReset: string;
  invalidLinkTitle: string;
  invalidLink: string;
  expiredFormTitle: string;
  expiredForm: string;
  doneTitle: string;
  doneInvitation: string;
  doneReset: string;
  signIn: string;
  problems: Record<PasswordProblem, string>;
}

export const PAGE_COPY: Record<Language, PageCopy> = {
  en: {
    platform: 'MESECVI Follow-up Platform',
    invitationTitle: 'Activate your account',
    invitationIntro: (name) => `Welcome, ${name}. Choose a password to activate your account.`,
    resetTitle: 'Choose a new password',
    resetIntro: (name) => `${name}, choose a new password for your account.`,
    password: 'New password',
    confirmation: 'Repeat the password',
    passwordHint: 'At least 12 characters. A short sentence is easy to remember and hard to guess.',
    submitInvitation: 'Activate my account',
    submitReset: 'Save the new password',
    invalidLinkTitle: 'This link cannot be used',
    invalidLink:
      'The link has expired, has already been used, or is not complete. Ask the MESECVI Technical Secretariat for a new one.',
    expiredFormTitle: 'Please try again',
    expiredForm: 'The form expired or was not sent from this page. Open the link from your e-mail again.',
    doneTitle: 'Done',
    doneInvitation:
      'Your account is active. You can now sign in to the MESECVI Follow-up Platform with your e-mail address and this password.',
    doneReset:
      'Your password has been changed. Any other open session has been closed; sign in again with the new password.',
    signIn: 'Sign in',
    problems: {
      too_short: 'The password must have at least 12 characters.',
      too_long: 'The password must have at most 200 characters.',
      same_as_email: 'The password must not be your e-mail address.',
      mismatch: 'The two passwords do not match.',
    },
  },
  es: {
    platform: 'Plataforma de Seguimiento del MESECVI',
    invitationTitle: 'Active su cuenta',
    invitationIntro: (name) => `Bienvenida/o, ${name}. Elija una contraseña para activar su cuenta.`,
    resetTitle: 'Elija una nueva contraseña',
    resetIntro: (name) => `${name}, elija una nueva contraseña para su cuenta.`,
    password: 'Nueva contraseña',
    confirmation: 'Repita la contraseña',
    passwordHint: 'Al menos 12 caracteres. Una frase corta es fácil de recordar y difícil de adivinar.',
    submitInvitation: 'Activar mi cuenta',
    submitReset: 'Guardar la nueva contraseña',
    invalidLinkTitle: 'Este enlace no se puede usar',
    invalidLink:
      'El enlace ha vencido, ya fue utilizado o está incompleto. Solicite uno nuevo a la Secretaría Técnica del MESECVI.',
    expiredFormTitle: 'Inténtelo de nuevo',
    expiredForm: 'El formulario venció o no se envió desde esta página. Abra nuevamente el enlace de su correo.',
    doneTitle: 'Listo',
    doneInvitation:
      'Su cuenta está activa. Ya puede ingresar a la Plataforma de Seguimiento del MESECVI con su correo electrónico y esta contraseña.',
    doneReset:
      'Su contraseña fue cambiada. Se cerraron las demás sesiones abiertas; ingrese de nuevo con la nueva contraseña.',
    signIn: 'Iniciar sesión',
    problems: {
      too_short: 'La contraseña debe tener al menos 12 caracteres.',
      too_long: 'La contraseña debe tener como máximo 200 caracteres.',
      same_as_email: 'La contraseña no puede ser su correo electrónico.',
      mismatch: 'Las dos contraseñas no coinciden.',
    },
  },
  fr: {
    platform: 'Plateforme de suivi du MESECVI',
    invitationTitle: 'Activez votre compte',
    invitationIntro: (name) => `Bienvenue, ${name}. Choisissez un mot de passe pour activer votre compte.`,
    resetTitle: 'Choisissez un nouveau mot de passe',
    resetIntro: (name) => `${name}, choisissez un nouveau mot de passe pour votre compte.`,
    password: 'Nouveau mot de passe',
    confirmation: 'Répétez le mot de passe',
    passwordHint: 'Au moins 12 caractères. Une courte phrase est facile à retenir et difficile à deviner.',
    submitInvitation: 'Activer mon compte',
    submitReset: 'Enregistrer le nouveau mot de passe',
    invalidLinkTitle: 'Ce lien ne peut pas être utilisé',
    invalidLink:
      'Le lien a expiré, a déjà été utilisé ou est incomplet. Demandez-en un nouveau au Secrétariat technique du MESECVI.',
    expiredFormTitle: 'Veuillez réessayer',
    expiredForm:
      "Le formulaire a expiré ou n'a pas été envoyé depuis cette page. Ouvrez à nouveau le lien reçu par courriel.",
    doneTitle: 'Terminé',
    doneInvitation:
      'Votre compte est actif. Vous pouvez maintenant vous connecter à la Plateforme de suivi du MESECVI avec votre adresse électronique et ce mot de passe.',
    doneReset:
      'Votre mot de passe a été changé. Les autres sessions ouvertes ont été fermées ; connectez-vous à nouveau avec le nouveau mot de passe.',
    signIn: 'Se connecter',
    problems: {
      too_short: 'Le mot de passe doit comporter au moins 12 caractères.',
      too_long: 'Le mot de passe doit comporter au plus 200 caractères.',
      same_as_email: 'Le mot de passe ne doit pas être votre adresse électronique.',
      mismatch: 'Les deux mots de passe ne correspondent pas.',
    },
  },
  pt: {
    platform: 'Plataforma de Acompanhamento do MESECVI',
    invitationTitle: 'Ative a sua conta',
    invitationIntro: (name) => `Bem-vinda/o, ${name}. Escolha uma senha para ativar a sua conta.`,
    resetTitle: 'Escolha uma nova senha',
    resetIntro: (name) => `${name}, escolha uma nova senha para a sua conta.`,
    password: 'Nova senha',
    confirmation: 'Repita a senha',
    passwordHint: 'Pelo menos 12 caracteres. Uma frase curta é fácil de lembrar e difícil de adivinhar.',
    submitInvitation: 'Ativar a minha conta',
    submitReset: 'Salvar a nova senha',
    invalidLinkTitle: 'Este link não pode ser usado',
    invalidLink: 'O link expirou, já foi usado ou está incompleto. Peça um novo à Secretaria Técnica do MESECVI.',
    expiredFormTitle: 'Tente novamente',
    expiredForm: 'O formulário expirou ou não foi enviado desta página. Abra novamente o link do seu e-mail.',
    doneTitle: 'Concluído',
    doneInvitation:
      'A sua conta está ativa. Já pode entrar na Plataforma de Acompanhamento do MESECVI com o seu e-mail e esta senha.',
    doneReset:
      'A sua senha foi alterada. As outras sessões abertas foram encerradas; entre novamente com a nova senha.',
    signIn: 'Entrar',
    problems: {
      too_short: 'A senha deve ter pelo menos 12 caracteres.',
      too_long: 'A senha deve ter no máximo 200 caracteres.',
      same_as_email: 'A senha não pode ser o seu e-mail.',
      mismatch: 'As duas senhas não coincidem.',
    },
  },
};
