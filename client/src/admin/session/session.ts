import { createContext, useContext } from "react";
import type { Account } from "../types.ts";

export interface Session {
  account: Account;
  /** After a password change or login. */
  setAccount: (account: Account) => void;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionContext");
  return session;
}

/** Admins and the secretariat change meetings; chairs and clerks only read them. */
export const canEdit = (account: Account): boolean => account.role === "admin" || account.role === "organiser";
