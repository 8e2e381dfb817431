/**
 * How a setting's text becomes its value, or what is wrong with it. Plain functions rather than
 * schemas: every operation reads its vendor's settings, reads and deletes included, and a `refresh` or
 * `destroy` should not load a schema library only for that (bench/README.md, "Small stacks").
 */

/** The value a setting's text stands for, or the broken rule, naming the setting. */
export type SettingRule<T> = (raw: string) => { value: T } | { problem: string };

/** The type of value a rule gives. */
export type RuleValue<R> = R extends SettingRule<infer T> ? T : never;

/** A whole number from `min` to `max`. */
export const wholeNumber =
  (what: string, min: number, max: number): SettingRule<number> =>
  (raw) => {
    const value = Number(raw);
    if (!Number.isFinite(value)) return { problem: `${what} must be a number` };
    if (!Number.isInteger(value)) return { problem: `${what} must be a whole number` };
    if (value < min) return { problem: `${what} must be at least ${min}` };
    if (value > max) return { problem: `${what} must be at most ${max}` };
    return { value };
  };

/** Any text that is not empty. */
export const nonEmpty =
  (what: string): SettingRule<string> =>
  (raw) =>
    raw.length > 0 ? { value: raw } : { problem: `${what} must not be empty` };

/**
 * An `http://` or `https://` URL, trimmed (tabs and line breaks removed, as the URL parser itself
 * ignores them, so the value is the URL that gets used).
 */
export const httpUrl =
  (what: string): SettingRule<string> =>
  (raw) => {
    const trimmed = raw.trim();
    const problem = { problem: `${what} must be an http(s) URL` };
    if (!/^https?:\/\//i.test(trimmed)) return problem;
    try {
      const url = new URL(trimmed);
      if (!/^https?:$/.test(url.protocol)) return problem;
    } catch {
      return problem;
    }
    return { value: trimmed.replace(/[\t\n\r]/g, "") };
  };

/** One of a few words. */
export const oneOf =
  (what: string, values: readonly string[]): SettingRule<string> =>
  (raw) =>
    values.includes(raw) ? { value: raw } : { problem: `${what} must be one of: ${values.join(", ")}` };

/** Text that matches `pattern`; `problem` says the rule. */
export const matching =
  (pattern: RegExp, problem: string): SettingRule<string> =>
  (raw) =>
    pattern.test(raw) ? { value: raw } : { problem };
