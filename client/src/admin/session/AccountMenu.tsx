import { useEffect, useId, useRef, useState } from "react";
import { Link } from "../../routing/Link.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { useSession } from "./session.ts";

/** The signed-in person with 修改密码 and 退出登录 in a small disclosure menu. */
export function AccountMenu() {
  const { t } = useAdminT();
  const { account, logout } = useSession();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("mousedown", outside);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);
  return (
    <div className="account-menu" ref={root}>
      <button
        type="button"
        className="ghost account-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        data-testid="account-menu"
      >
        {/* Said before the visible name and role, which stay the whole visible label (WCAG 2.5.3). */}
        <span className="visually-hidden">{t("shell.account")} </span>
        <span className="account-name">{account.displayName}</span>
        <span className="account-role">{t(`staffRole.${account.role}`)}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={menuId} className="account-menu-list">
          <Link to="/admin/password" className="menu-item" onClick={() => setOpen(false)}>
            {t("shell.changePassword")}
          </Link>
          <button type="button" className="menu-item" onClick={() => void logout()} data-testid="logout">
            {t("shell.logout")}
          </button>
        </div>
      )}
    </div>
  );
}
