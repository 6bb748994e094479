/**
 * The browsers the app supports (docs/web.md): current Chromium and Edge, Firefox ESR, Safari
 * 16.4 and later. The build emits syntax all of them run natively, so no polyfill (and no
 * inline script, which the Content Security Policy forbids) is ever needed.
 */
export const BUILD_TARGET = ['chrome111', 'edge111', 'firefox115', 'safari16.4'];
