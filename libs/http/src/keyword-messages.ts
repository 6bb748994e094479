import type { ErrorObject } from 'ajv';
import type { LocalisedText, MessageParams, Messages } from '@mesecvi/errors';

/**
 * What each JSON Schema keyword a request can break says, in every language. `{field}` is the
 * member at fault; the other placeholders are Ajv's own parameters of that keyword.
 */
export const KEYWORD_MESSAGES = {
  required: {
    en: '{field} is required',
    es: 'El campo {field} es obligatorio.',
    fr: 'Le champ {field} est obligatoire.',
    pt: 'O campo {field} é obrigatório.',
  },
  additionalProperties: {
    en: '{field} is not a known field',
    es: '{field} no es un campo reconocido.',
    fr: '{field} n’est pas un champ reconnu.',
    pt: '{field} não é um campo reconhecido.',
  },
  type: {
    en: 'must be {type}',
    es: 'Debe ser de tipo {type}.',
    fr: 'Doit être de type {type}.',
    pt: 'Deve ser do tipo {type}.',
  },
  format: {
    en: 'must match format "{format}"',
    es: 'Debe tener el formato «{format}».',
    fr: 'Doit respecter le format « {format} ».',
    pt: 'Deve estar no formato “{format}”.',
  },
  enum: {
    en: 'must be one of: {allowedValues}',
    es: 'Debe ser uno de estos valores: {allowedValues}.',
    fr: 'Doit être l’une de ces valeurs : {allowedValues}.',
    pt: 'Deve ser um destes valores: {allowedValues}.',
  },
  const: {
    en: 'must be {allowedValue}',
    es: 'Debe ser {allowedValue}.',
    fr: 'Doit valoir {allowedValue}.',
    pt: 'Deve ser {allowedValue}.',
  },
  minLength: {
    en: 'must NOT have fewer than {limit} characters',
    es: 'Debe tener al menos {limit} caracteres.',
    fr: 'Doit comporter au moins {limit} caractères.',
    pt: 'Deve ter pelo menos {limit} caracteres.',
  },
  maxLength: {
    en: 'must NOT have more than {limit} characters',
    es: 'No debe superar los {limit} caracteres.',
    fr: 'Ne doit pas dépasser {limit} caractères.',
    pt: 'Não deve ultrapassar {limit} caracteres.',
  },
  minimum: {
    en: 'must be >= {limit}',
    es: 'Debe ser mayor o igual que {limit}.',
    fr: 'Doit être supérieur ou égal à {limit}.',
    pt: 'Deve ser maior ou igual a {limit}.',
  },
  maximum: {
    en: 'must be <= {limit}',
    es: 'Debe ser menor o igual que {limit}.',
    fr: 'Doit être inférieur ou égal à {limit}.',
    pt: 'Deve ser menor ou igual a {limit}.',
  },
  exclusiveMinimum: {
    en: 'must be > {limit}',
    es: 'Debe ser mayor que {limit}.',
    fr: 'Doit être strictement supérieur à {limit}.',
    pt: 'Deve ser maior que {limit}.',
  },
  exclusiveMaximum: {
    en: 'must be < {limit}',
    es: 'Debe ser menor que {limit}.',
    fr: 'Doit être strictement inférieur à {limit}.',
    pt: 'Deve ser menor que {limit}.',
  },
  multipleOf: {
    en: 'must be multiple of {multipleOf}',
    es: 'Debe ser múltiplo de {multipleOf}.',
    fr: 'Doit être un multiple de {multipleOf}.',
    pt: 'Deve ser múltiplo de {multipleOf}.',
  },
  pattern: {
    en: 'must match pattern "{pattern}"',
    es: 'Debe ajustarse al patrón «{pattern}».',
    fr: 'Doit respecter le motif « {pattern} ».',
    pt: 'Deve seguir o padrão “{pattern}”.',
  },
  minItems: {
    en: 'must NOT have fewer than {limit} items',
    es: 'Debe tener al menos {limit} elementos.',
    fr: 'Doit comporter au moins {limit} éléments.',
    pt: 'Deve ter pelo menos {limit} itens.',
  },
  maxItems: {
    en: 'must NOT have more than {limit} items',
    es: 'No debe tener más de {limit} elementos.',
    fr: 'Ne doit pas comporter plus de {limit} éléments.',
    pt: 'Não deve ter mais de {limit} itens.',
  },
  uniqueItems: {
    en: 'must NOT have duplicate items (items ## {j} and {i} are identical)',
    es: 'No debe tener elementos repetidos (los elementos {j} y {i} son idénticos).',
    fr: 'Ne doit pas comporter de doublons (les éléments {j} et {i} sont identiques).',
    pt: 'Não deve ter itens repetidos (os itens {j} e {i} são idênticos).',
  },
  minProperties: {
    en: 'must NOT have fewer than {limit} properties',
    es: 'Debe tener al menos {limit} campos.',
    fr: 'Doit comporter au moins {limit} champs.',
    pt: 'Deve ter pelo menos {limit} campos.',
  },
  maxProperties: {
    en: 'must NOT have more than {limit} properties',
    es: 'No debe tener más de {limit} campos.',
    fr: 'Ne doit pas comporter plus de {limit} champs.',
    pt: 'Não deve ter mais de {limit} campos.',
  },
  dependentRequired: {
    en: 'must have property {deps} when property {property} is present',
    es: 'Debe incluir {deps} cuando se indica {property}.',
    fr: 'Doit comporter {deps} lorsque {property} est présent.',
    pt: 'Deve incluir {deps} quando {property} estiver presente.',
  },
  oneOf: {
    en: 'must match exactly one schema in oneOf',
    es: 'Debe corresponder exactamente a una de las formas admitidas.',
    fr: 'Doit correspondre à exactement une des formes admises.',
    pt: 'Deve corresponder a exatamente uma das formas aceitas.',
  },
  anyOf: {
    en: 'must match a schema in anyOf',
    es: 'Debe corresponder a alguna de las formas admitidas.',
    fr: 'Doit correspondre à l’une des formes admises.',
    pt: 'Deve corresponder a alguma das formas aceitas.',
  },
  not: {
    en: 'must NOT be valid',
    es: 'Este valor no está permitido.',
    fr: 'Cette valeur n’est pas permise.',
    pt: 'Este valor não é permitido.',
  },
} as const satisfies Record<string, Messages>;

/** Any other keyword: the field is wrong in a way the schema names. */
export const INVALID_MESSAGES: Messages = {
  en: 'is invalid',
  es: 'El valor no es válido.',
  fr: 'La valeur n’est pas valide.',
  pt: 'O valor não é válido.',
};

/** The `detail` of a refused request body and of refused query parameters. */
export const REQUEST_INVALID_MESSAGES = {
  body: {
    en: 'The request body is not valid.',
    es: 'El cuerpo de la solicitud no es válido.',
    fr: 'Le corps de la requête n’est pas valide.',
    pt: 'O corpo da solicitação não é válido.',
  },
  query: {
    en: 'The request parameters are not valid.',
    es: 'Los parámetros de la solicitud no son válidos.',
    fr: 'Les paramètres de la requête ne sont pas valides.',
    pt: 'Os parâmetros da solicitação não são válidos.',
  },
} as const satisfies Record<string, Messages>;

const hasMessages = (keyword: string): keyword is keyof typeof KEYWORD_MESSAGES => keyword in KEYWORD_MESSAGES;

function paramsOf(e: ErrorObject, field: string): MessageParams {
  const params: Record<string, string | number> = { field };
  for (const [name, value] of Object.entries(e.params as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (Array.isArray(value)) params[name] = value.map(String).join(', ');
    else if (value !== undefined) params[name] = JSON.stringify(value);
  }
  return params;
}

/** An Ajv error's message in every language; `field` is the member it names. */
export function keywordText(e: ErrorObject, field: string): LocalisedText {
  return {
    messages: hasMessages(e.keyword) ? KEYWORD_MESSAGES[e.keyword] : INVALID_MESSAGES,
    params: paramsOf(e, field),
  };
}
