// SPDX-License-Identifier: MIT
#include "core/Logging.h"

// Info is on by default: "listening on ..." and connection changes are what an operator needs to see.
Q_LOGGING_CATEGORY(lcServer, "ponder.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "ponder.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHub, "ponder.hub", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "ponder.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRedis, "ponder.redis", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUpstream, "ponder.upstream", QtInfoMsg)
Q_LOGGING_CATEGORY(lcChat, "ponder.chat", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHistory, "ponder.history", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "ponder.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAgents, "ponder.agents", QtInfoMsg)
