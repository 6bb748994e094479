import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { asApiError, call } from '../errors/api-error';
import { useT } from '../i18n/i18n-context';
import { EmailField } from './email-field';
import { ErrorSummary } from './error-summary';
import { refusalErrors, validateSignIn } from './sign-in-errors';
import { useFormErrors } from './use-form-errors';

/** "Forgot your password?": asks the api to mail a reset link (the same answer whether or not the address has an account). */
export function ResetRequest() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const { errors, setErrors, at } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateSignIn(email, '', ['email']);
    if (invalid.length > 0) return setErrors({ list: invalid });
    setBusy(true);
    try {
      await call(api.POST('/auth/password-reset', { body: { email: email.trim() } }));
      setSentTo(email.trim());
    } catch (error) {
      setErrors({ list: refusalErrors(error), requestId: asApiError(error).requestId });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={480}>
      <Title order={1}>{t('reset.title')}</Title>
      {sentTo ? (
        <Alert role="status">{t('reset.sent', { email: sentTo })}</Alert>
      ) : (
        <>
          {errors.list.length > 0 && <ErrorSummary errors={errors.list} requestId={errors.requestId} />}
          <Text>{t('reset.intro')}</Text>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="sm">
              <EmailField value={email} onChange={setEmail} error={at('email')} />
              <div>
                <Button type="submit" loading={busy}>
                  {t('reset.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to="/sign-in">
        {t('reset.back')}
      </Anchor>
    </Stack>
  );
}
