import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { call } from '../errors/api-error';
import { useT } from '../i18n/i18n-context';

/** The name of each state party in the page's language, as the api gives it (never copied into the app). */
export function useStateNames(): (code: string) => string {
  const t = useT();
  const states = useQuery({
    queryKey: ['states-parties'],
    queryFn: () => call(api.GET('/states-parties')),
    staleTime: Infinity,
  });
  return (code) => states.data?.find((s) => s.code === code)?.name[t.language] ?? code;
}
