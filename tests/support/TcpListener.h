#pragma once

#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

namespace rework::test {

/// A stand-in network printer on 127.0.0.1: accepts connections and keeps every byte they
/// send. Port 0 picks a free one.
class TcpListener : public QObject
{
public:
    explicit TcpListener(quint16 port = 0)
    {
        listening = server.listen(QHostAddress::LocalHost, port);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = server.nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::readyRead, this, [this, s] { received += s->readAll(); });
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    received += s->readAll();
                    ++closed;
                    s->deleteLater();
                });
            }
        });
    }
    QString target() const { return QStringLiteral("127.0.0.1:%1").arg(server.serverPort()); }

    QTcpServer server;
    bool listening = false;
    QByteArray received;
    int connections = 0;
    int closed = 0;
};

} // namespace rework::test
