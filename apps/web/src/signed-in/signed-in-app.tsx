import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Badge.css';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Frame } from '../layout/layout';
import { NotFoundPage } from '../pages/not-found-page';
import { useSession } from '../session/use-session';
import { AccountHeader } from './account-header';
import { EvaluationPage } from './evaluation-page';
import { RequireSession } from './require-session';
import { RoleHome } from './role-home';

// The questionnaire form and its library load only when a section is opened.
const SectionPage = lazy(() => import('../questionnaire/section-page'));

/** Everything under `/app`, loaded only once someone goes there (the public pages stay light). */
export default function SignedInApp() {
  const { account } = useSession();
  return (
    <Frame header={account ? <AccountHeader account={account} /> : null}>
      <RequireSession>
        {account && (
          <Routes>
            <Route index element={<RoleHome account={account} />} />
            <Route path="evaluations/:id" element={<EvaluationPage />} />
            <Route
              path="evaluations/:id/sections/:theme"
              element={
                <Suspense>
                  <SectionPage />
                </Suspense>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        )}
      </RequireSession>
    </Frame>
  );
}
