import { Anchor, Title } from '@mantine/core';
import { Link } from 'react-router';
import { appRoutes } from '@mesecvi/web-links';
import { QueryState } from '../components/query-state';
import { formatLocalTime } from '../home/deadline';
import { useLocale } from '../i18n/i18n-context';
import { useSubmissionT } from './use-submission-t';
import { useSubmissions } from './use-submissions';

/** Every submitted version, each linking to its receipt; the one shown is marked as the current page. */
export function SubmittedVersions({ evaluationId, current }: { evaluationId: string; current?: number }) {
  const ts = useSubmissionT();
  const { language } = useLocale();
  const list = useSubmissions(evaluationId);
  return (
    <QueryState query={list}>
      {(versions) =>
        versions.length > 0 && (
          <section aria-labelledby="versions-title" className="q-no-print">
            <Title order={2} id="versions-title" mb="xs">
              {ts('versionsTitle')}
            </Title>
            <ul className="receipt-versions">
              {versions.map((v) => (
                <li key={v.versionNumber}>
                  <Anchor
                    component={Link}
                    to={appRoutes.evaluationSubmission.path(evaluationId, String(v.versionNumber))}
                    aria-current={v.versionNumber === current ? 'page' : undefined}
                  >
                    {ts('versionEntry', {
                      version: String(v.versionNumber),
                      date: formatLocalTime(new Date(v.submittedAt), language),
                    })}
                  </Anchor>
                </li>
              ))}
            </ul>
          </section>
        )
      }
    </QueryState>
  );
}
