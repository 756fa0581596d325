// SPDX-License-Identifier: MIT
// `ponder` with no command: the desktop window, with the backend running inside it.
#pragma once

class ServerOptionsBuilder;

// Returns false (after telling the user) when there is no display to open a window on.
bool displayAvailable();
// `builder` holds the command line and the environment; the window adds its saved settings and the
// keychain. Returns the exit code; sets *restart when the user asked Ponder to start again (to apply
// settings).
int runWindow(ServerOptionsBuilder builder, bool *restart);
