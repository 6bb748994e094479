/** A file size in the page's language: "1,5 Mo" in French, "1.5 MB" in English. */
export function formatBytes(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** A duration left, rounded the way a person says it: "40 seconds", "3 minutes", "1 hour". */
export function formatDuration(seconds: number, language: string): string {
  const [value, unit] =
    seconds >= 5400
      ? [Math.round(seconds / 3600), 'hour']
      : seconds >= 90
        ? [Math.round(seconds / 60), 'minute']
        : [Math.max(1, Math.round(seconds / 5) * 5), 'second'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
