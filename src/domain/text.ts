/**
 * What one line of text from the user may not hold: C0 and C1 controls, DEL, and the line and
 * paragraph separators. The one rule for flags (src/options.ts), the check-in's note prompt and
 * the store and import check (src/store/validate-fields.ts).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
