// The last text copied in this window: used when the system clipboard is not readable (no permission).
let lastCopied = '';

/** Writes text to the system clipboard, remembering it in case reading back is refused. */
export async function writeClipboard(text: string): Promise<void> {
  lastCopied = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Kept in memory: pasting within this window still works.
  }
}

/** Reads the system clipboard, or what this window copied last. */
export async function readClipboard(): Promise<string> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return lastCopied;
  }
}
