// Shared by the web app and the server: the paths the app owns and the pages links lead to.
// Imports nothing, so the browser bundle can never pull server code in.
export { CONTACT_META_NAME } from './shell-facts';
export { APP_EXACT_PATHS, APP_SUBTREES, APP_SEGMENTS, ASSETS_PREFIX, SIGN_IN_PATH, isAppPath } from './url-space';
export {
  appRoutes,
  fillPattern,
  patternParameters,
  serverPages,
  webLink,
  type AppRoute,
  type AppRouteName,
} from './app-routes';
