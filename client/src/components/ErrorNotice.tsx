import { Icon } from "./Icon.tsx";

export function ErrorNotice({ message, onClose }: { message: string | null; onClose: () => void }) {
  if (!message) return null;
  return (
    <div className="error-notice" role="alert" data-testid="error-notice">
      <Icon name="warning" /> {message}
      <button type="button" className="link" onClick={onClose} aria-label="×">
        ×
      </button>
    </div>
  );
}
