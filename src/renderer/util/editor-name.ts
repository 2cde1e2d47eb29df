// The name a user gives for changes made by hand ("who"), remembered on this computer so they
// type it once. Left empty, main records the operating system's user name.

const STORAGE_KEY = 'tillit.editedBy';

export function rememberedEditor(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberEditor(name: string): void {
  try {
    if (name.trim()) localStorage.setItem(STORAGE_KEY, name.trim());
  } catch {
    // not remembered; the change is still recorded with the name given
  }
}

/** "vip, messe" → ['vip', 'messe'] (main trims, drops empty ones and repeats). */
export function splitTags(text: string): string[] {
  return text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
}
