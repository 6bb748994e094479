import type { EvidenceLimits } from './evidence-api';

/** Why a file is refused before it is sent (the api refuses the same, with 413 and 415). */
export type Refusal = 'too-large' | 'wrong-type' | 'empty';

/** The extensions the api accepts, for the file chooser's `accept` (".pdf,.docx,…"). */
export function acceptAttribute(limits: EvidenceLimits): string {
  return limits.types.flatMap((type) => type.extensions.map((extension) => `.${extension}`)).join(',');
}

/**
 * What can be known of a file before sending it: its size and its name. The api judges the kind
 * from the content, so a file named like an accepted kind may still be refused (415).
 */
export function checkBeforeSending(file: { name: string; size: number }, limits: EvidenceLimits): Refusal | undefined {
  if (file.size === 0) return 'empty';
  if (file.size > limits.maxBytes) return 'too-large';
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const known = limits.types.some((type) => extension !== undefined && type.extensions.includes(extension));
  return known ? undefined : 'wrong-type';
}
