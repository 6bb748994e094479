import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Badge.css';
import type { AppRouteName } from '@mesecvi/web-links';
import { lazy, Suspense, type ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { Frame } from '../layout/layout';
import { NotFoundPage } from '../pages/not-found-page';
import type { Account } from '../session/session';
import { useSession } from '../session/use-session';
import { DeadlinePage } from '../summary/deadline-page';
import { EvaluationSummaryPage } from '../summary/evaluation-summary';
import { FailedMailPage } from '../summary/failed-mail-page';
import { ReviewPage } from '../summary/review-page';
import { AccountHeader } from './account-header';
import { EvaluationPage } from './evaluation-page';
import { RequireSession } from './require-session';
import { RoleHome } from './role-home';
import { SIGNED_IN_ROUTES } from './signed-in-routes';

/** The page of every link definition: a definition without a page does not compile. */
function pages(account: Account): Record<AppRouteName, ReactElement> {
  return {
    home: <RoleHome account={account} />,
    evaluation: <EvaluationPage />,
    evaluationSection: (
      <Suspense>
        <SectionPage />
      </Suspense>
    ),
    evaluationCheck: (
      <Suspense>
        <CheckPage />
      </Suspense>
    ),
    evaluationSubmission: (
      <Suspense>
        <ReceiptPage />
      </Suspense>
    ),
    evaluationReview: <ReviewPage />,
    evaluationReport: <EvaluationSummaryPage title="report.title" next="report.next" />,
    deadline: <DeadlinePage />,
    failedMail: <FailedMailPage />,
  };
}

// The questionnaire form and its library load only when a section is opened.
const SectionPage = lazy(() => import('../questionnaire/section-page'));
// "Check your answers" and the receipt load with their own chunk too.
const CheckPage = lazy(() => import('../submission/check-page'));
const ReceiptPage = lazy(() => import('../submission/receipt-page'));

/** Everything under `/app`, loaded only once someone goes there (the public pages stay light). */
export default function SignedInApp() {
  const { account } = useSession();
  const page = account && pages(account);
  return (
    <Frame header={account ? <AccountHeader account={account} /> : null}>
      <RequireSession>
        {page && (
          <Routes>
            {SIGNED_IN_ROUTES.map(({ id, path, index }) =>
              index ? <Route key={id} index element={page[id]} /> : <Route key={id} path={path} element={page[id]} />,
            )}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        )}
      </RequireSession>
    </Frame>
  );
}
