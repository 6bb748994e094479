import { TextInput } from '@mantine/core';
import { useT } from '../i18n/i18n-context';

/** The account's e-mail address, as the sign-in and the reset forms ask for it. */
export function EmailField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <TextInput
      id="email"
      label={t('signIn.email')}
      type="email"
      name="email"
      autoComplete="username"
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
