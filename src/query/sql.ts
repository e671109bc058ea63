// SQL text plus bound parameters. Identifiers come only from the catalog (never from users) and are
// still quoted; every value is a parameter.
export type SqlParam = string | number | boolean;

export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`refusing unsafe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
