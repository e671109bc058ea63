export const CSP_DIRECTIVES: string[];
export const CSP: string;
export const META_CSP: string;
export const SECURITY_HEADERS: Record<string, string>;
