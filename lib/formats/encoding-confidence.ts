/** How sure an encoding guess must be to import without asking (no dependencies: the browser's preview uses it too). */

/**
 * A guess at least this sure may be imported without asking; below it the command line refuses the file unless
 * `--encoding` names the encoding, and the browser's preview warns (`isConfidentEncoding`). Legacy single-byte
 * encodings are always guesses (chardet rarely passes 0.85 on them), and so is UTF-16 without a byte order mark.
 */
export const HIGH_ENCODING_CONFIDENCE = 0.9;
/** The most a reading as UTF-16 without byte order mark is trusted (see DecodedInput.confidence). */
export const GUESSED_UTF16_CONFIDENCE = 0.8;

/** Whether the encoding was named by the caller or recognised surely enough to import without asking. */
export function isConfidentEncoding(decoded: { confidence: number; declared: boolean }): boolean {
  return decoded.declared || decoded.confidence >= HIGH_ENCODING_CONFIDENCE;
}
