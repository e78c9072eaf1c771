/** Removes `--name VALUE` from args and returns VALUE (undefined when absent); a missing value is an error. */
export function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  args.splice(i, 2);
  return value;
}
