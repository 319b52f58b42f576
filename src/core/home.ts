import os from 'node:os';

/**
 * The user's home folder, as os.homedir() finds it: on POSIX that is $HOME when it is set, read
 * here without loading node:os (a lazily loaded builtin, scripts/build.mjs), which the doctor
 * otherwise needs only for a support report or a demo.
 */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  return process.platform !== 'win32' && env.HOME ? env.HOME : os.homedir();
}
