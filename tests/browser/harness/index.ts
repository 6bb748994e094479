export { launchChromium, openSession, type BrowserSession } from './chromium';
export { CspGuard } from './csp-guard';
export { expectAccessible } from './axe';
export { KeyboardUser, type FocusExpectation, type FocusedControl } from './keyboard';
export { asTestApi, startServedApi, type ServedApi } from './served-api';
export { browserSuite, type BrowserSuite } from './browser-suite';
export { textsNotFromCatalogue } from './pseudo-locale';
export { signInAndOpen } from './sign-in';
