// Small pieces the union's pages share: where they live and the period's inputs.
export const PROPOSALS_PATH = "/admin/proposals";

/** A datetime-local value (the browser's time) as ISO. */
export const iso = (localTime: string): string => new Date(localTime).toISOString();

/** An ISO time as a datetime-local value (the browser's time). */
export const local = (isoTime: string): string => {
  const d = new Date(isoTime);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
