import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { session } from '../api';
import { asApiError } from '../errors/api-error';
import { useT } from '../i18n/i18n-context';
import { safeReturnTo } from '../session/return-to';
import { EmailField } from './email-field';
import { ErrorSummary } from './error-summary';
import { ResetRequest } from './reset-request';
import { refusalErrors, validateSignIn } from './sign-in-errors';
import { useFormErrors } from './use-form-errors';

/** Why the person is here: her session ended, or she just signed out. */
export interface SignInState {
  ended?: boolean;
  signedOut?: boolean;
}

/** `/sign-in`: e-mail and password; `?reset=1`, the request for a password reset link. */
export function SignInPage() {
  const [params] = useSearchParams();
  return params.has('reset') ? <ResetRequest /> : <SignInForm returnTo={params.get('returnTo')} />;
}

function SignInForm({ returnTo }: { returnTo: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as SignInState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, setErrors, at } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateSignIn(email, password, ['email', 'password']);
    if (invalid.length > 0) return setErrors({ list: invalid });
    setBusy(true);
    try {
      await session.signIn(email.trim(), password);
      void navigate(safeReturnTo(returnTo), { replace: true });
    } catch (error) {
      setErrors({ list: refusalErrors(error), requestId: asApiError(error).requestId });
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={480}>
      <Title order={1}>{t('signIn.title')}</Title>
      {state.ended && <Alert role="status">{t('signIn.sessionEnded')}</Alert>}
      {state.signedOut && <Alert role="status">{t('signIn.signedOut')}</Alert>}
      {errors.list.length > 0 && <ErrorSummary errors={errors.list} requestId={errors.requestId} />}
      <Text>{t('signIn.intro')}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <EmailField value={email} onChange={setEmail} error={at('email')} />
          <PasswordInput
            id="password"
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={at('password')}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          />
          <div>
            <Button type="submit" loading={busy}>
              {busy ? t('signIn.submitting') : t('signIn.submit')}
            </Button>
          </div>
        </Stack>
      </form>
      <Anchor component={Link} to="/sign-in?reset=1">
        {t('signIn.forgot')}
      </Anchor>
    </Stack>
  );
}
