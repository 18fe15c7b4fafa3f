/**
 * Whether a source file is text the readers can take. Doc pages are UTF-8; a NUL byte or an
 * invalid UTF-8 sequence means something else was saved under a page's name (an image saved as
 * `.txt`, a page saved in GBK by a Chinese-locale browser), which no reader should guess at.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text of a file, or why it is not text: a NUL byte or invalid UTF-8 means a binary file
 * (an image saved by mistake, a truncated download). A UTF-8 byte order mark is dropped.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { binary: string; line: number } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { binary: `binary file (NUL byte at offset ${nul}): not a doc page`, line: lineAt(bytes, nul) };
  try {
    const text = UTF8.decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      binary: `not UTF-8 text (invalid byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}): not a doc page`,
      line: lineAt(bytes, bad),
    };
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (for the message; decoding already failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (!len || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}
