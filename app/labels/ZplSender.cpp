#include "ZplSender.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace rework {
namespace {
constexpr qint64 kSliceMs = 100;
} // namespace

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

Status ZplSender::send(const QString& target, const QByteArray& bytes, int timeoutMs,
                       const std::atomic_bool* cancelled)
{
    auto address = parseTarget(target);
    if (!address)
        return address.error();
    const auto& [host, port] = address.value();
    QTcpSocket socket;
    const auto isCancelled = [cancelled] { return cancelled && cancelled->load(); };
    bool timedOut = false;
    // Waits on a loop of its own rather than waitFor…(): a timed-out waitForConnected drops the
    // connection, so it cannot be sliced, and a cancel must be heard while a printer is silent.
    // A socket that fell back to unconnected (refused, reset) has failed at once.
    const auto waitUntil = [&](const auto& done) {
        QElapsedTimer waited;
        waited.start();
        const auto over = [&] {
            timedOut = waited.elapsed() >= timeoutMs;
            return done() || isCancelled() || timedOut || socket.state() == QAbstractSocket::UnconnectedState;
        };
        if (!over()) {
            QEventLoop loop;
            QTimer poll;
            const auto check = [&] {
                if (over())
                    loop.quit();
            };
            QObject::connect(&poll, &QTimer::timeout, &loop, check);
            QObject::connect(&socket, &QAbstractSocket::stateChanged, &loop, check);
            QObject::connect(&socket, &QIODevice::bytesWritten, &loop, check);
            QObject::connect(&socket, &QAbstractSocket::errorOccurred, &loop, check);
            poll.start(static_cast<int>(kSliceMs));
            loop.exec();
        }
        return done();
    };
    auto unreachable = [&](const QString& what) {
        const QString reason =
            timedOut && socket.error() == QAbstractSocket::UnknownSocketError
                ? QCoreApplication::translate("QAbstractSocket", "Socket operation timed out")
                : socket.errorString();
        spdlog::warn("printer {}: {}: {}", target.toStdString(), what.toStdString(), reason.toStdString());
        socket.abort();
        return makeError(
            ErrorCode::PrinterUnreachable, QStringLiteral("printer"),
            Message(tr,
                    QT_TR_NOOP(
                        "the printer at %1 did not take the label (%2); the label is kept and sent again on "
                        "retry; check that the printer is on and connected"),
                    {target, reason}));
    };
    const auto cancel = [&] {
        socket.abort();
        spdlog::info("sending to printer {} cancelled", target.toStdString());
        return makeError(
            ErrorCode::PrinterUnreachable, QStringLiteral("printer"),
            Message(tr,
                    QT_TR_NOOP("sending to the printer at %1 was cancelled; the label is kept and "
                               "sent again on retry"),
                    {target}));
    };
    const auto connected = [&] { return socket.state() == QAbstractSocket::ConnectedState; };
    const auto flushed = [&] { return socket.bytesToWrite() == 0; };
    socket.connectToHost(host, port);
    if (!waitUntil(connected))
        return isCancelled() ? cancel() : unreachable(QStringLiteral("connect"));
    if (socket.write(bytes) != bytes.size())
        return unreachable(QStringLiteral("write"));
    if (!waitUntil(flushed))
        return isCancelled() ? cancel() : unreachable(QStringLiteral("write"));
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
    spdlog::info("sent {} bytes to printer {}", bytes.size(), target.toStdString());
    return {};
}

} // namespace rework
