// `ponder` with no command: the desktop window, with the backend running inside it.
#pragma once

struct ServerOptions;

// Returns false (after telling the user) when there is no display to open a window on.
bool displayAvailable();
int runWindow(const ServerOptions &options);
