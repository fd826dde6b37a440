import { useCallback, useId, useState, type FormEvent } from "react";
import type { Department } from "@core/ledger/json.ts";
import { api } from "../api.ts";
import { ledgerApi } from "../ledger/ledgerApi.ts";
import { communityApi } from "../community/communityApi.ts";
import type { Community } from "@core/api/community.ts";
import { useSession } from "../session/session.ts";
import { STAFF_ROLES, type Account, type StaffRole } from "../types.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { CopyField } from "../ui/CopyField.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { FormActions } from "../ui/FormActions.tsx";

type Pending = null | { kind: "reset" | "disable" | "department"; account: Account };

/** 账户 (admins): staff accounts, creation with a one-time password, reset, disable. */
export function AccountsPage() {
  const { t } = useAdminT();
  const { account: me } = useSession();
  const accounts = useResource(useCallback(() => api.accounts().then((r) => r.accounts), []));
  // 承办单位 accounts belong to a department (the ledger's departments).
  const departments = useResource(useCallback(() => ledgerApi.departments().then((r) => r.departments), []));
  // 网格员 accounts belong to a community.
  const communities = useResource(useCallback(() => communityApi.communities().then((r) => r.communities), []));
  const [creating, setCreating] = useState(false);
  const [oneTime, setOneTime] = useState<{ name: string; password: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<unknown>(null);

  const replace = (account: Account) => accounts.set((list) => list.map((a) => (a.id === account.id ? account : a)));
  const enable = async (account: Account) => {
    setError(null);
    try {
      replace((await api.updateAccount(account.id, { disabled: false })).account);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="admin-page">
      <div className="page-head">
        <h1>{t("accounts.title")}</h1>
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="create-account">
            + {t("accounts.create")}
          </button>
        )}
      </div>
      {creating && (
        <section className="admin-card" aria-label={t("accounts.createTitle")}>
          <h2>{t("accounts.createTitle")}</h2>
          <CreateAccountForm
            departments={departments.data ?? []}
            communities={communities.data ?? []}
            onCancel={() => setCreating(false)}
            onCreated={(account, password) => {
              accounts.set((list) => [...list, account]);
              setCreating(false);
              setOneTime({ name: account.displayName, password });
            }}
          />
        </section>
      )}
      <ErrorLine error={accounts.error ?? error} onRetry={accounts.error ? accounts.reload : undefined} />
      {!accounts.data && !accounts.error && <Loading />}
      {accounts.data && (
        <table className="admin-table" data-testid="accounts-table">
          <thead>
            <tr>
              <th scope="col">{t("accounts.username")}</th>
              <th scope="col">{t("accounts.displayName")}</th>
              <th scope="col">{t("accounts.role")}</th>
              <th scope="col">{t("accounts.state")}</th>
              <th scope="col">{t("accounts.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((a) => (
              <tr key={a.id} className={a.disabled ? "disabled-row" : undefined} data-testid="account-row">
                <td className="mono">{a.username}</td>
                <th scope="row" className="person-name">
                  {a.displayName}
                  {a.id === me.id && <span className="muted">{t("accounts.you")}</span>}
                </th>
                <td>
                  {t(`staffRole.${a.role}`)}
                  {a.role === "department" && (
                    <div className="muted small" data-testid="account-department">
                      {a.departmentName ?? t("common.none")}
                    </div>
                  )}
                  {a.role === "gridWorker" && <div className="muted small">{a.communityName ?? t("common.none")}</div>}
                </td>
                <td>
                  {a.disabled ? (
                    <span className="badge badge-off">⊘ {t("accounts.disabled")}</span>
                  ) : (
                    <span className="badge badge-on">✓ {t("accounts.enabled")}</span>
                  )}
                  {a.mustChangePassword && !a.disabled && <span className="badge">{t("accounts.mustChange")}</span>}
                </td>
                <td>
                  <div className="button-row">
                    {a.role === "department" && (
                      <button type="button" className="compact" onClick={() => setPending({ kind: "department", account: a })}>
                        {t("ledger.accounts.change")}
                      </button>
                    )}
                    <button type="button" className="compact" onClick={() => setPending({ kind: "reset", account: a })}>
                      {t("accounts.reset")}
                    </button>
                    {a.id !== me.id &&
                      (a.disabled ? (
                        <button type="button" className="compact" onClick={() => void enable(a)}>
                          {t("accounts.enable")}
                        </button>
                      ) : (
                        <button type="button" className="compact danger" onClick={() => setPending({ kind: "disable", account: a })}>
                          {t("accounts.disable")}
                        </button>
                      ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending?.kind === "reset" && (
        <ConfirmDialog
          title={t("accounts.resetTitle")}
          text={t("accounts.resetText", { name: pending.account.displayName })}
          confirmLabel={t("accounts.reset")}
          danger
          onClose={() => setPending(null)}
          onConfirm={async () => {
            const { oneTimePassword } = await api.resetPassword(pending.account.id);
            replace({ ...pending.account, mustChangePassword: true });
            setOneTime({ name: pending.account.displayName, password: oneTimePassword });
          }}
        />
      )}
      {pending?.kind === "disable" && (
        <ConfirmDialog
          title={t("accounts.disableTitle")}
          text={t("accounts.disableText", { name: pending.account.displayName })}
          confirmLabel={t("accounts.disable")}
          danger
          onClose={() => setPending(null)}
          onConfirm={async () => replace((await api.updateAccount(pending.account.id, { disabled: true })).account)}
        />
      )}
      {pending?.kind === "department" && (
        <DepartmentDialog account={pending.account} departments={departments.data ?? []} onClose={() => setPending(null)} onSaved={replace} />
      )}
      {oneTime && (
        <Dialog
          title={t("accounts.otpTitle")}
          onClose={() => setOneTime(null)}
          testId="otp-dialog"
          actions={
            <button type="button" className="primary" onClick={() => setOneTime(null)} data-autofocus>
              {t("accounts.otpDone")}
            </button>
          }
        >
          <p>{t("accounts.otpText", { name: oneTime.name })}</p>
          <p className="otp" data-testid="one-time-password">
            {oneTime.password}
          </p>
          <CopyField label={t("accounts.otpTitle")} value={oneTime.password} />
        </Dialog>
      )}
    </section>
  );
}

function DepartmentSelect({ id, value, departments, onChange }: { id: string; value: string; departments: Department[]; onChange: (id: string) => void }) {
  const { t } = useAdminT();
  const offered = departments.filter((d) => !d.disabled || d.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t("ledger.accounts.department")}</label>
      <select id={id} name="departmentId" required value={value} onChange={(e) => onChange(e.target.value)} data-testid="account-department-select">
        <option value="">{t("ledger.accounts.choose")}</option>
        {offered.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      {offered.length === 0 && <span className="hint">{t("ledger.accounts.noDepartments")}</span>}
    </div>
  );
}

function DepartmentDialog({
  account,
  departments,
  onClose,
  onSaved,
}: {
  account: Account;
  departments: Department[];
  onClose: () => void;
  onSaved: (a: Account) => void;
}) {
  const { t } = useAdminT();
  const id = useId();
  const [departmentId, setDepartmentId] = useState(account.departmentId ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      onSaved((await api.updateAccount(account.id, { departmentId })).account);
      onClose();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };
  return (
    <Dialog title={`${t("ledger.accounts.change")} · ${account.displayName}`} onClose={onClose} testId="account-department-dialog">
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <DepartmentSelect id={`${id}-department`} value={departmentId} departments={departments} onChange={setDepartmentId} />
        <FormActions
          error={error}
          pending={pending}
          disabled={!departmentId || departmentId === account.departmentId}
          label={t("common.save")}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}

function CreateAccountForm({
  departments,
  communities,
  onCreated,
  onCancel,
}: {
  departments: Department[];
  communities: Community[];
  onCreated: (account: Account, password: string) => void;
  onCancel: () => void;
}) {
  const { t } = useAdminT();
  const id = useId();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<StaffRole>("organiser");
  const [departmentId, setDepartmentId] = useState("");
  const [communityId, setCommunityId] = useState("");
  const [pendingSubmit, setPendingSubmit] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPendingSubmit(true);
    setError(null);
    try {
      const result = await api.createAccount({
        username: username.trim(),
        displayName: displayName.trim(),
        role,
        ...(role === "department" ? { departmentId } : {}),
        ...(role === "gridWorker" ? { communityId } : {}),
      });
      onCreated(result.account, result.oneTimePassword);
    } catch (e) {
      setError(e);
      setPendingSubmit(false);
    }
  };
  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} data-testid="create-account-form">
      <div className="form-grid three">
        <div className="field">
          <label htmlFor={`${id}-username`}>{t("accounts.username")}</label>
          <input
            id={`${id}-username`}
            name="username"
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("accounts.displayName")}</label>
          <input id={`${id}-name`} name="displayName" required maxLength={100} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t("accounts.role")}</label>
          <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`staffRole.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {role === "department" && <DepartmentSelect id={`${id}-department`} value={departmentId} departments={departments} onChange={setDepartmentId} />}
        {role === "gridWorker" && (
          <div className="field">
            <label htmlFor={`${id}-community`}>{t("accounts.community")}</label>
            <select id={`${id}-community`} name="communityId" required value={communityId} onChange={(e) => setCommunityId(e.target.value)}>
              <option value="">{t("ledger.accounts.choose")}</option>
              {communities.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <FormActions
        error={error}
        pending={pendingSubmit}
        disabled={!username.trim() || !displayName.trim() || (role === "department" && !departmentId) || (role === "gridWorker" && !communityId)}
        label={t("accounts.create")}
        onCancel={onCancel}
      />
    </form>
  );
}
