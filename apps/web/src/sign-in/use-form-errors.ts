import { useState } from 'react';
import { useT } from '../i18n/i18n-context';
import type { FormError, SignInField } from './sign-in-errors';

/** The errors of a form, the request id of the api's refusal, and each field's own error. */
export function useFormErrors() {
  const t = useT();
  const [errors, setErrors] = useState<{ list: FormError[]; requestId?: string }>({ list: [] });
  const at = (field: SignInField) => {
    const error = errors.list.find((e) => e.field === field);
    return error ? t(error.key, error.params) : undefined;
  };
  return { errors, setErrors, at };
}
