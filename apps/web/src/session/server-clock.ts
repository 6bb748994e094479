/**
 * How far the api's clock is ahead of this browser's, in milliseconds, read from an access
 * token's issue time (`iat`, set by the api's clock, which the demo and test clock moves) at the
 * moment the token arrived. Zero when the token cannot be read. Deadlines ("late by N days") are
 * counted against the api's time, so a moved demo clock tells the same story on every page.
 */
export function clockOffsetFromToken(accessToken: string, receivedAt: number): number {
  const payload = accessToken.split('.')[1];
  if (!payload) return 0;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const iat = (JSON.parse(json) as { iat?: unknown }).iat;
    return typeof iat === 'number' && Number.isFinite(iat) ? iat * 1000 - receivedAt : 0;
  } catch {
    return 0;
  }
}
