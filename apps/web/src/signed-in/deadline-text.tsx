import { Badge, Text } from '@mantine/core';
import { serverNow } from '../api';
import { daysLate, deadlineInstant, formatDueDate, formatLocalTime } from '../home/deadline';
import { useT } from '../i18n/i18n-context';

/**
 * A deadline as people read it: the due day in the deadline's own time zone, the same moment on
 * the reader's clock, and how late it is once past (counted on the api's clock, demo time included).
 */
export function DeadlineText({ deadline }: { deadline: { dueDate: string; timeZone: string } | null }) {
  const t = useT();
  if (!deadline) return <Text size="sm">{t('home.noDeadline')}</Text>;
  const { dueDate, timeZone } = deadline;
  const late = daysLate(dueDate, timeZone, serverNow());
  return (
    <div>
      <Text size="sm">{t('home.dueInZone', { date: formatDueDate(dueDate, t.language), zone: timeZone })}</Text>
      <Text size="sm">
        {t('home.dueLocal', { time: formatLocalTime(deadlineInstant(dueDate, timeZone), t.language) })}
      </Text>
      {late > 0 && (
        <Badge color="red" variant="light" mt={4} data-days-late={late}>
          {late === 1 ? t('home.lateByOne') : t('home.lateBy', { days: String(late) })}
        </Badge>
      )}
    </div>
  );
}
