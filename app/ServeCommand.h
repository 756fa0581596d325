// `ponder serve`: the backend without a window, until SIGINT/SIGTERM.
#pragma once

struct ServerOptions;

int runServe(const ServerOptions &options);
