// SPDX-License-Identifier: MIT
// Reason phrases for the status codes Ponder sends.
#pragma once

#include <QByteArray>

QByteArray httpReasonPhrase(int status);
