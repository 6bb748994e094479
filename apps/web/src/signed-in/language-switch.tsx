import { Button, Group, NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, session } from '../api';
import { ErrorMessage } from '../components/error-message';
import { call } from '../errors/api-error';
import { useT } from '../i18n/i18n-context';
import { LANGUAGES, type Language } from '../i18n/languages';
import type { Account } from '../session/session';

/** Sets the account's language (`PATCH /me`): the pages, and the api's mails and texts, follow it. */
export function LanguageSwitch({ account }: { account: Account }) {
  const t = useT();
  const queries = useQueryClient();
  const [chosen, setChosen] = useState<Language>(account.language);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const updated = await call(api.PATCH('/me', { body: { preferredLanguage: chosen } }));
      session.updateAccount(updated);
      await queries.invalidateQueries();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Group gap="xs" align="flex-end">
        <NativeSelect
          id="language"
          label={t('layout.language')}
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value as Language)}
          data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
        />
        <Button type="submit" variant="light" loading={busy}>
          {t('layout.changeLanguage')}
        </Button>
      </Group>
      {error !== undefined && <ErrorMessage error={error} />}
    </form>
  );
}
