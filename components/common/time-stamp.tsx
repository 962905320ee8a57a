import { formatDate, formatDateTime, isoInZone } from '@/lib/format';

/** A moment shown in the site's time zone, machine-readable with its offset. */
export function TimeStamp({ date, timeZone, withTime = true, className }: { date: Date; timeZone: string; withTime?: boolean; className?: string }) {
  return (
    <time dateTime={isoInZone(date, timeZone)} className={className}>
      {withTime ? formatDateTime(date, timeZone) : formatDate(date, timeZone)}
    </time>
  );
}
