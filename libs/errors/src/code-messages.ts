import type { ErrorCode } from './error-codes';
import type { Messages } from './language';

/**
 * The `detail` of each generic code when nothing more specific is said in the caller's language
 * (framework errors, and domain errors that name no catalogued rule).
 */
export const CODE_MESSAGES: Readonly<Record<ErrorCode, Messages>> = {
  bad_request: {
    en: 'The request is not valid.',
    es: 'La solicitud no es válida.',
    fr: 'La requête n’est pas valide.',
    pt: 'A solicitação não é válida.',
  },
  malformed_json: {
    en: 'The request body is not well-formed JSON.',
    es: 'El cuerpo de la solicitud no es un JSON bien formado.',
    fr: 'Le corps de la requête n’est pas un JSON bien formé.',
    pt: 'O corpo da solicitação não é um JSON bem formado.',
  },
  unauthenticated: {
    en: 'Sign in to continue.',
    es: 'Inicie sesión para continuar.',
    fr: 'Connectez-vous pour continuer.',
    pt: 'Inicie a sessão para continuar.',
  },
  forbidden: {
    en: 'You are not allowed to do this.',
    es: 'No tiene permiso para realizar esta acción.',
    fr: 'Vous n’êtes pas autorisé à effectuer cette action.',
    pt: 'Você não tem permissão para realizar esta ação.',
  },
  not_found: {
    en: 'The requested item was not found.',
    es: 'No se encontró el elemento solicitado.',
    fr: 'L’élément demandé est introuvable.',
    pt: 'O item solicitado não foi encontrado.',
  },
  route_not_found: {
    en: 'No such address exists in this API.',
    es: 'Esta dirección no existe en la API.',
    fr: 'Cette adresse n’existe pas dans l’API.',
    pt: 'Este endereço não existe na API.',
  },
  method_not_allowed: {
    en: 'This method is not allowed at this address.',
    es: 'Este método no está permitido en esta dirección.',
    fr: 'Cette méthode n’est pas autorisée à cette adresse.',
    pt: 'Este método não é permitido neste endereço.',
  },
  conflict: {
    en: 'The request conflicts with the current state of the item.',
    es: 'La solicitud entra en conflicto con el estado actual del elemento.',
    fr: 'La requête est incompatible avec l’état actuel de l’élément.',
    pt: 'A solicitação está em conflito com o estado atual do item.',
  },
  precondition_failed: {
    en: 'The item changed since you read it; reload it and try again.',
    es: 'El elemento cambió desde que lo consultó; vuelva a cargarlo e inténtelo de nuevo.',
    fr: 'L’élément a changé depuis votre lecture ; rechargez-le et réessayez.',
    pt: 'O item mudou desde que você o consultou; recarregue-o e tente novamente.',
  },
  payload_too_large: {
    en: 'The request body is too large.',
    es: 'El cuerpo de la solicitud es demasiado grande.',
    fr: 'Le corps de la requête est trop volumineux.',
    pt: 'O corpo da solicitação é grande demais.',
  },
  unsupported_media_type: {
    en: 'This content type is not accepted here.',
    es: 'Este tipo de contenido no se acepta aquí.',
    fr: 'Ce type de contenu n’est pas accepté ici.',
    pt: 'Este tipo de conteúdo não é aceito aqui.',
  },
  validation_failed: {
    en: 'The request is not valid; see the errors listed.',
    es: 'La solicitud no es válida; consulte los errores indicados.',
    fr: 'La requête n’est pas valide ; consultez les erreurs indiquées.',
    pt: 'A solicitação não é válida; consulte os erros indicados.',
  },
  precondition_required: {
    en: 'Send If-Match with the ETag you last read.',
    es: 'Envíe If-Match con la ETag que leyó por última vez.',
    fr: 'Envoyez If-Match avec l’ETag lu en dernier.',
    pt: 'Envie If-Match com a ETag que você leu por último.',
  },
  too_many_requests: {
    en: 'Too many requests; wait a moment and try again.',
    es: 'Demasiadas solicitudes; espere un momento e inténtelo de nuevo.',
    fr: 'Trop de requêtes ; patientez un instant puis réessayez.',
    pt: 'Solicitações demais; aguarde um momento e tente novamente.',
  },
  internal_error: {
    en: 'An unexpected error occurred. Quote the error id when reporting it.',
    es: 'Se produjo un error inesperado. Cite el identificador del error al informarlo.',
    fr: 'Une erreur inattendue s’est produite. Indiquez l’identifiant de l’erreur en la signalant.',
    pt: 'Ocorreu um erro inesperado. Informe o identificador do erro ao relatá-lo.',
  },
  service_unavailable: {
    en: 'A backing service is not answering. Try again shortly.',
    es: 'Un servicio del que depende la plataforma no responde. Inténtelo de nuevo en unos instantes.',
    fr: 'Un service dont dépend la plateforme ne répond pas. Réessayez dans quelques instants.',
    pt: 'Um serviço do qual a plataforma depende não está respondendo. Tente novamente em instantes.',
  },
};
