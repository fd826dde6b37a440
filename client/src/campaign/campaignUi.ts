// Small pieces the campaign pages share.
import { useEffect, useState } from "react";

/** 1号楼 2单元 301 */
export const householdName = (h: { building: string; unit: string; room: string } | undefined): string =>
  h ? [h.building, h.unit, h.room].filter(Boolean).join(" ") : "";

/** navigator.onLine, following the online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}
