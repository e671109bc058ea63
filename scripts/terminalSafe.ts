/** Text from files (names, configs, error messages quoting them) made harmless for a terminal: control
 * characters (ESC sequences can retitle or clear it) and bidi overrides become "?". */
export const terminalSafe = (s: string): string => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
