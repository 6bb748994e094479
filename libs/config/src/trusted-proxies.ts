import { isIP } from 'node:net';

/**
 * Which peers may tell the api the client's address (X-Forwarded-For): none, the nearest `count`
 * hops, or peers within the listed addresses and CIDR ranges. Anything the client itself sends
 * in those headers is otherwise ignored: the address is the TCP peer's.
 */
export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; count: number } | { kind: 'ranges'; ranges: string[] };

export const MAX_PROXY_HOPS = 10;

/** A reason the value is refused, or the parsed setting. */
export function parseTrustedProxies(text: string): TrustedProxies | { invalid: string } {
  const value = text.trim();
  if (value === '') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count < 1 || count > MAX_PROXY_HOPS)
      return { invalid: `must be a hop count from 1 to ${MAX_PROXY_HOPS} (got ${value})` };
    return { kind: 'hops', count };
  }
  const ranges = value.split(',').map((part) => part.trim());
  for (const range of ranges) {
    if (!isRange(range))
      return {
        invalid: `must be a hop count or comma-separated IP addresses / CIDR ranges ("${range.slice(0, 60)}" is neither)`,
      };
  }
  return { kind: 'ranges', ranges };
}

function isRange(text: string): boolean {
  const [address, bits, extra] = text.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** For /ready and the documentation: how the setting reads. */
export function describeTrustedProxies(setting: TrustedProxies): string {
  switch (setting.kind) {
    case 'none':
      return 'none';
    case 'hops':
      return `${setting.count} hop${setting.count === 1 ? '' : 's'}`;
    case 'ranges':
      return setting.ranges.join(', ');
  }
}
