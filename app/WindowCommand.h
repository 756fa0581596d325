// `ponder` with no command: the desktop window, with the backend running inside it.
#pragma once

class CommandLine;

// Returns false (after telling the user) when there is no display to open a window on.
bool displayAvailable();
// Returns the exit code; sets *restart when the user asked Ponder to start again (to apply settings).
int runWindow(const CommandLine &commandLine, bool *restart);
