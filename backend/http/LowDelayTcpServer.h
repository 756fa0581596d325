// SPDX-License-Identifier: MIT
// A QTcpServer whose sockets have Nagle's algorithm off: a streamed token must leave at once,
// not wait for the previous segment's ACK.
#pragma once

#include <QTcpServer>

class LowDelayTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};
