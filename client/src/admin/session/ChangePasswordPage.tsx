import { useState } from "react";
import { navigate } from "../../routing/location.ts";
import { SuccessLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { useSession } from "./session.ts";

export function ChangePasswordPage() {
  const { t } = useAdminT();
  const [done, setDone] = useState(false);
  const { account } = useSession();
  return (
    <section className="admin-page narrow">
      <h1>{t("password.title")}</h1>
      <div className="admin-card">
        {done ? (
          <>
            <SuccessLine text={t("password.saved")} />
            <button type="button" onClick={() => navigate("/admin/meetings")}>
              {t("editor.back")}
            </button>
          </>
        ) : (
          <ChangePasswordForm username={account.username} onDone={() => setDone(true)} onCancel={() => window.history.back()} />
        )}
      </div>
    </section>
  );
}
