/** Schema names are interpolated into SQL, so only plain identifiers are accepted. */
export function assertSqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a valid SQL identifier`);
  return name;
}
