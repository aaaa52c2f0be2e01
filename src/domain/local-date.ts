/**
 * The calendar date of `date` in the process's time zone as `YYYY-MM-DD`.
 * Local rather than UTC because OpenSpec names archive folders and `created` dates by the user's calendar day.
 */
export function formatLocalDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
