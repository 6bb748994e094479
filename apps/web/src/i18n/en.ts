/** The English catalogue: the reference every other language must cover key for key. */
export const en = {
  'platform.name': 'MESECVI Follow-up Platform',
  'platform.purpose':
    'The Follow-up Mechanism of the Belém do Pará Convention (MESECVI) assesses how each State Party prevents, punishes and eradicates violence against women. On this platform the States answer its questionnaires, the Committee of Experts reviews the answers, and the reports and recommendations are published.',
  'layout.skipToContent': 'Skip to main content',
  'layout.homeLink': 'Home',
  'layout.signIn': 'Sign in',
  'home.latestReports': 'Latest published reports',
  'home.loadingReports': 'Loading the latest reports…',
  'home.reportsFailed': 'The reports could not be loaded. Please try again later.',
  'home.noReports': 'No report has been published yet.',
  'home.reportPublished': 'Published on {date}',
  'home.reportState': 'State: {code}',
  'signIn.title': 'Sign in to the platform',
  'signIn.email': 'E-mail address',
  'signIn.password': 'Password',
  'signIn.showPassword': 'Show or hide the password',
  'signIn.submit': 'Sign in',
  'signIn.comingSoon': 'Signing in from this page is not available yet.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address.',
  'notFound.home': 'Go to the home page',
} as const;

export type MessageKey = keyof typeof en;
/** A full catalogue: every key of the English one, each a string. */
export type Catalogue = Record<MessageKey, string>;
