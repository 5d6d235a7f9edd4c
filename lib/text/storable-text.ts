/**
 * Text PostgreSQL cannot store as it was sent, found in a parsed JSON value (a request body, a work JSON file) or a
 * form field before anything is written: a NUL character (PostgreSQL's text refuses it, so the write failed with a
 * 500) and a lone UTF-16 surrogate (`"\ud800"` in JSON: not a character; it was stored as U+FFFD, silently changing
 * the text). A `__proto__` key is refused too: no format of ours has one, and JavaScript gives it a meaning of its own.
 */

export interface UnstorableText {
  /** Where, as the zod issues of a request name it: `editions.0.segments.3.text`; empty for the value itself. */
  path: string;
  reason: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as it is, or null when it can. */
export function unstorableReason(text: string): string | null {
  if (text.includes("\u0000")) return "holds a NUL character (U+0000), which cannot be stored in a text";
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `holds half of a UTF-16 surrogate pair (\\u${lone[0].charCodeAt(0).toString(16).toUpperCase()} at position ${lone.index + 1}), which is not a character`;
  return null;
}

/** The first string (value or key) in `value` that cannot be stored, in document order; null when there is none. */
export function findUnstorableText(value: unknown): UnstorableText | null {
  // An explicit stack: a deeply nested value must not exhaust the call stack.
  const stack: { value: unknown; path: string }[] = [{ value, path: "" }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const reason = unstorableReason(current);
      if (reason) return { path, reason };
    } else if (current !== null && typeof current === "object") {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const childPath = path === "" ? key : `${path}.${key}`;
        if (key === "__proto__") return { path: childPath, reason: "is not a field of this format" };
        const keyReason = Array.isArray(current) ? null : unstorableReason(key);
        if (keyReason) return { path: childPath, reason: `is a name that ${keyReason}` };
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return null;
}

/** For a zod string's superRefine (a query parameter, a field): refuses a string that cannot be stored, saying why. */
export function refuseUnstorable(text: string, context: { addIssue(issue: { code: "custom"; message: string }): void }): void {
  const reason = unstorableReason(text);
  if (reason) context.addIssue({ code: "custom", message: reason });
}
