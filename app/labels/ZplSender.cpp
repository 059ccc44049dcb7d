#include "ZplSender.h"

#include <QRegularExpression>
#include <QTcpSocket>

#include <spdlog/spdlog.h>

namespace rework {

Result<std::pair<QString, quint16>> ZplSender::parseTarget(const QString& target)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:]{2,39}\\]):([0-9]{1,5})$"));
    const QRegularExpressionMatch m = pattern.match(target.trimmed());
    const int port = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (!m.hasMatch() || port < 1 || port > 65535) {
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("printer"),
            Message(tr, QT_TR_NOOP("\"%1\" is not a printer address; give HOST:PORT, e.g. 10.0.0.20:9100"),
                    {target.left(60)}));
    }
    QString host = m.captured(1);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    return std::make_pair(host, static_cast<quint16>(port));
}

Status ZplSender::send(const QString& target, const QByteArray& bytes, int timeoutMs)
{
    auto address = parseTarget(target);
    if (!address)
        return address.error();
    const auto& [host, port] = address.value();
    QTcpSocket socket;
    socket.connectToHost(host, port);
    auto unreachable = [&](const QString& what) {
        spdlog::warn("printer {}: {}: {}", target.toStdString(), what.toStdString(),
                     socket.errorString().toStdString());
        return makeError(
            ErrorCode::PrinterUnreachable, QStringLiteral("printer"),
            Message(tr,
                    QT_TR_NOOP(
                        "the printer at %1 did not take the label (%2); the label is kept and sent again on "
                        "retry; check that the printer is on and connected"),
                    {target, socket.errorString()}));
    };
    if (!socket.waitForConnected(timeoutMs))
        return unreachable(QStringLiteral("connect"));
    qint64 written = 0;
    while (written < bytes.size()) {
        const qint64 n = socket.write(bytes.constData() + written, bytes.size() - written);
        if (n < 0)
            return unreachable(QStringLiteral("write"));
        written += n;
        if (!socket.waitForBytesWritten(timeoutMs) && socket.bytesToWrite() > 0)
            return unreachable(QStringLiteral("write"));
    }
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(timeoutMs))
            return unreachable(QStringLiteral("flush"));
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
    spdlog::info("sent {} bytes to printer {}", bytes.size(), target.toStdString());
    return {};
}

} // namespace rework
