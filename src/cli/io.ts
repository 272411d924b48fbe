/** Where a command writes, and the environment it reads its configuration from (tests pass their own). */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

export const processIo = (): CommandIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Runs a command as a program: its exit code, or one line and exit 1 for anything it did not expect. */
export function runMain(name: string, command: (args: string[]) => Promise<number>): void {
  command(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${name} failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}\n`);
      process.exit(1);
    },
  );
}
