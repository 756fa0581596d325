// SPDX-License-Identifier: MIT
// `ponder serve`: the backend without a window, until SIGINT/SIGTERM.
#pragma once

class ServerOptionsBuilder;

// The options come from `builder`; keys it wants from the keychain are read first (asynchronously).
int runServe(ServerOptionsBuilder builder);
