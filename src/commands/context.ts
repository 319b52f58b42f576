/** What every command's `run` gets from the CLI besides its flags. */
export interface CommandContext {
  isDebug: () => boolean;
}
