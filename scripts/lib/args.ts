/** Reads `--name value` and `--name=value` options and `--flag` switches of a command line. */
export function cliArgs(argv: readonly string[]) {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  function num(name: string, def: number): number;
  function num(name: string, def?: number): number | undefined;
  function num(name: string, def?: number): number | undefined {
    const v = get(name);
    if (v === undefined) return def;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${v}`);
    return n;
  }
  const flag = (name: string): boolean => argv.includes(`--${name}`);
  return { get, num, flag };
}
