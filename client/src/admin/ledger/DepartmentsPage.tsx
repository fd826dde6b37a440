// 承办单位 (admin, organiser): the departments items are assigned to — add, rename, disable, enable.
import { useCallback, useId, useState, type FormEvent } from "react";
import type { Department } from "@core/ledger/json.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorLine, Loading, SuccessLine } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { FormActions } from "../ui/FormActions.tsx";
import { ledgerApi } from "./ledgerApi.ts";
import { LedgerNav } from "./LedgerNav.tsx";

const byName = (a: Department, b: Department) => a.name.localeCompare(b.name, "zh-CN-u-co-pinyin");

export function DepartmentsPage() {
  const { t } = useAdminT();
  const id = useId();
  const departments = useResource(useCallback(() => ledgerApi.departments().then((r) => r.departments), []));
  const [name, setName] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Department | null>(null);
  const [disabling, setDisabling] = useState<Department | null>(null);
  const replace = (d: Department) => departments.set((list) => list.map((x) => (x.id === d.id ? d : x)).sort(byName));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setAdded(null);
    try {
      const { department } = await ledgerApi.createDepartment(name.trim());
      departments.set((list) => [...list, department].sort(byName));
      setAdded(t("ledger.departments.added", { name: department.name }));
      setName("");
    } catch (e) {
      setError(e);
    }
    setPending(false);
  };
  const enable = async (d: Department) => {
    setError(null);
    try {
      replace((await ledgerApi.updateDepartment(d.id, { disabled: false })).department);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="admin-page ledger-page">
      <LedgerNav secretariat />
      <h1>{t("ledger.departments.title")}</h1>
      <p className="muted">{t("ledger.departments.intro")}</p>
      <form className="ledger-add-department" onSubmit={(e) => void add(e)}>
        <label htmlFor={`${id}-name`}>{t("ledger.departments.name")}</label>
        <input id={`${id}-name`} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="department-name" />
        <button type="submit" className="primary" disabled={pending || !name.trim()} data-testid="department-add">
          + {t("ledger.departments.add")}
        </button>
      </form>
      <SuccessLine text={added} testId="department-added" />
      <ErrorLine error={departments.error ?? error} onRetry={departments.error ? departments.reload : undefined} />
      {!departments.data && !departments.error && <Loading />}
      {departments.data && departments.data.length === 0 && <p className="muted empty">{t("ledger.departments.none")}</p>}
      {departments.data && departments.data.length > 0 && (
        <table className="admin-table ledger-departments" data-testid="departments-table">
          <thead>
            <tr>
              <th scope="col">{t("ledger.departments.name")}</th>
              <th scope="col">{t("ledger.departments.state")}</th>
              <th scope="col">{t("ledger.departments.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {departments.data.map((d) => (
              <tr key={d.id} className={d.disabled ? "disabled-row" : undefined} data-testid="department-row">
                <th scope="row">{d.name}</th>
                <td>
                  {d.disabled ? (
                    <span className="badge badge-off">⊘ {t("ledger.departments.disabled")}</span>
                  ) : (
                    <span className="badge badge-on">✓ {t("ledger.departments.enabled")}</span>
                  )}
                </td>
                <td>
                  <div className="button-row">
                    <button type="button" className="compact" onClick={() => setRenaming(d)} aria-label={`${t("ledger.departments.rename")} ${d.name}`}>
                      {t("ledger.departments.rename")}
                    </button>
                    {d.disabled ? (
                      <button type="button" className="compact" onClick={() => void enable(d)}>
                        {t("ledger.departments.enable")}
                      </button>
                    ) : (
                      <button type="button" className="compact danger" onClick={() => setDisabling(d)}>
                        {t("ledger.departments.disable")}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renaming && <RenameDialog department={renaming} onClose={() => setRenaming(null)} onRenamed={replace} />}
      {disabling && (
        <ConfirmDialog
          title={t("ledger.departments.disableTitle")}
          text={t("ledger.departments.disableText", { name: disabling.name })}
          confirmLabel={t("ledger.departments.disable")}
          danger
          onClose={() => setDisabling(null)}
          onConfirm={async () => replace((await ledgerApi.updateDepartment(disabling.id, { disabled: true })).department)}
        />
      )}
    </section>
  );
}

function RenameDialog({ department, onClose, onRenamed }: { department: Department; onClose: () => void; onRenamed: (d: Department) => void }) {
  const { t } = useAdminT();
  const id = useId();
  const [name, setName] = useState(department.name);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      onRenamed((await ledgerApi.updateDepartment(department.id, { name: name.trim() })).department);
      onClose();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };
  return (
    <Dialog title={t("ledger.departments.renameTitle")} onClose={onClose} testId="department-rename">
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("ledger.departments.name")}</label>
          <input id={`${id}-name`} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-autofocus />
        </div>
        <FormActions error={error} pending={pending} disabled={!name.trim() || name.trim() === department.name} label={t("common.save")} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
