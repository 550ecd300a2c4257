/** Copies text to the clipboard; on a plain-HTTP address (no clipboard API) selects the field instead. */
export async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to selecting the text
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    // Deprecated, but the only way without the clipboard API (an intranet address over HTTP).
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
