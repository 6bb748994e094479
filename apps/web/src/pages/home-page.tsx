import { Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api';
import { useT } from '../i18n/i18n-context';
import { formatDate, latestReports } from './latest-reports';

function useLatestReports() {
  return useQuery({
    queryKey: ['public-reports'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/public/reports');
      if (error !== undefined || !response.ok) throw new Error(`GET /public/reports: ${response.status}`);
      return latestReports(data);
    },
  });
}

function LatestReports() {
  const t = useT();
  const reports = useLatestReports();
  if (reports.isPending)
    return (
      <Text role="status">
        <Loader size="xs" mr="xs" aria-hidden />
        {t('home.loadingReports')}
      </Text>
    );
  if (reports.isError) return <Text role="alert">{t('home.reportsFailed')}</Text>;
  if (reports.data.length === 0) return <Text>{t('home.noReports')}</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
      {reports.data.map((report) => (
        <Paper component="li" key={report.id} withBorder p="sm">
          {/* The symbol and the round's name are the api's, never the catalogue's. */}
          <Text fw={600} data-api-text>
            {report.symbol} — {report.roundName}
          </Text>
          <Text size="sm">
            {t('home.reportState', { code: report.stateCode })} ·{' '}
            {t('home.reportPublished', { date: formatDate(report.publishedAt, t.language) })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** The public home: what the platform is, the latest published reports, and the way in. */
export function HomePage() {
  const t = useT();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('platform.name')}</Title>
      <Text>{t('platform.purpose')}</Text>
      <div>
        <Button component={Link} to="/sign-in">
          {t('layout.signIn')}
        </Button>
      </div>
      <section aria-labelledby="latest-reports">
        <Title order={2} id="latest-reports" mb="sm">
          {t('home.latestReports')}
        </Title>
        <LatestReports />
      </section>
    </Stack>
  );
}
