// Staff sessions and accounts over HTTP (docs/api.md, "Staff accounts"): /api/auth/* and /api/accounts*.
import { z } from "zod";
import { Bilingual, Id } from "./common.ts";

/**
 * `department`: a 承办单位's user, who sees only the ledger items of its department (docs/ledger.md).
 * `gridWorker`: a 网格员 of one community (docs/community.md). Both are scoped accounts: they never reach meetings.
 */
export const STAFF_ROLES = ["admin", "organiser", "chair", "clerk", "department", "gridWorker"] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export const MAX_PASSWORD_LENGTH = 256;
const Password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
export const Login = z.strictObject({ username: z.string().trim().toLowerCase().min(1).max(64), password: Password });
export const PasswordChange = z.strictObject({ currentPassword: Password, newPassword: z.string().max(MAX_PASSWORD_LENGTH) });
/** The details of a PASSWORD_TOO_WEAK refusal: the particular reason (repeated letters, a common password …). */
export const PasswordTooWeakDetails = z.object({ reason: Bilingual });

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{1,31}$/, "2–32 characters: letters, digits, _ . -");
const DisplayName = z.string().trim().min(1).max(64);
const DepartmentId = z.string().min(1).max(64);
const CommunityId = z.string().min(1).max(64);
const given = (value: string | null | undefined): boolean => value !== undefined && value !== null;
/** A department account names its department (承办单位), a grid worker account its community; no other role has either. */
export const NewAccount = z
  .strictObject({ username: Username, displayName: DisplayName, role: StaffRole, departmentId: DepartmentId.nullish(), communityId: CommunityId.nullish() })
  .refine((a) => (a.role === "department") === given(a.departmentId), {
    message: "departmentId is required for role department and not allowed otherwise",
    path: ["departmentId"],
  })
  .refine((a) => (a.role === "gridWorker") === given(a.communityId), {
    message: "communityId is required for role gridWorker and not allowed otherwise",
    path: ["communityId"],
  });
export type NewAccountInput = z.input<typeof NewAccount>;
export const AccountPatch = z.strictObject({
  displayName: DisplayName.optional(),
  role: StaffRole.optional(),
  disabled: z.boolean().optional(),
  departmentId: DepartmentId.nullish(),
  communityId: CommunityId.nullish(),
});
export type AccountPatch = z.input<typeof AccountPatch>;

/** What leaves the server of an account: never the hash. */
export const Account = z.looseObject({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  /** Department accounts: their department (承办单位); null for every other role. */
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** Grid worker accounts: their community (社区); null for every other role. */
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
});
export type Account = z.infer<typeof Account>;

export const AccountResponse = z.object({ account: Account });
export const AccountsResponse = z.object({ accounts: z.array(Account) });
export const CreatedAccountResponse = z.object({ account: Account, oneTimePassword: z.string() });
export const OneTimePasswordResponse = z.object({ oneTimePassword: z.string() });
