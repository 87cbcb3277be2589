import { useTimeFormatter } from './time';

/**
 * A time as `<time datetime>`, written by `useTimeFormatter`; nothing when `iso` is not a time.
 * A component of its own so that when the page hydrates and times switch to the reader's zone,
 * it alone renders again, not the table row, node or panel around it.
 */
export function FormattedTime({ iso, className }: { iso: string | undefined; className?: string }) {
  const text = useTimeFormatter()(iso);
  return text === undefined ? null : (
    <time className={className} dateTime={iso}>
      {text}
    </time>
  );
}
