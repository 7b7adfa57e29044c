/** Thrown for a command's bad input; cli/main.ts prints the message (no stack trace) and exits 1. */
export class CommandError extends Error {}
