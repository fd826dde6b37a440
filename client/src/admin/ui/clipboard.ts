/**
 * Copies text. The Clipboard API needs a secure context (https or localhost); on a plain-http
 * intranet address the old execCommand path still works in most browsers.
 */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the legacy path
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  // Inside an open modal dialog only the dialog is focusable: put the textarea there.
  const host = document.querySelector("dialog[open]") ?? document.body;
  host.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
