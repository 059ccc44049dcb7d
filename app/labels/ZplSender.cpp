#include "ZplSender.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpSocket>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

constexpr char kStx = '\x02';
constexpr char kEtx = '\x03';

Error unreachable(QTcpSocket& socket, const QString& target, const char* what)
{
    spdlog::warn("printer {}: {}: {}", target.toStdString(), what, socket.errorString().toStdString());
    return makeError(
        ErrorCode::PrinterUnreachable, QStringLiteral("printer"),
        Message(&ZplSender::tr,
                QT_TRANSLATE_NOOP("ZplSender", "the printer at %1 did not take the label (%2); the label is "
                                               "kept and sent again on retry; check that the printer is on "
                                               "and connected"),
                {target, socket.errorString()}));
}

/// Writes every byte and waits until the socket has handed them to the network.
Status writeAll(QTcpSocket& socket, const QString& target, const QByteArray& bytes, int timeoutMs)
{
    qint64 written = 0;
    while (written < bytes.size()) {
        const qint64 n = socket.write(bytes.constData() + written, bytes.size() - written);
        if (n < 0)
            return unreachable(socket, target, "write");
        written += n;
        if (!socket.waitForBytesWritten(timeoutMs) && socket.bytesToWrite() > 0)
            return unreachable(socket, target, "write");
    }
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(timeoutMs))
            return unreachable(socket, target, "flush");
    }
    return {};
}

/// Closes the connection the way a Zebra ends a job; a peer that has already gone is fine.
void close(QTcpSocket& socket, int timeoutMs)
{
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
}

/// The ~HS reply: three STX…ETX strings. Empty when none came within `timeoutMs`, or the printer
/// closed the connection first.
QByteArray readHostStatus(QTcpSocket& socket, int timeoutMs)
{
    QByteArray reply;
    QElapsedTimer timer;
    timer.start();
    while (reply.count(kEtx) < 3 && timer.elapsed() < timeoutMs) {
        if (socket.bytesAvailable() == 0 &&
            !socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, timeoutMs - timer.elapsed()))))
            break;
        reply += socket.readAll();
        if (reply.size() > 4096) // a status is about 100 bytes; this is not a Zebra answering
            break;
    }
    return reply.count(kEtx) >= 3 ? reply : QByteArray();
}

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

Status ZplSender::send(const QString& target, const QByteArray& bytes, int timeoutMs)
{
    auto address = parseTarget(target);
    if (!address)
        return address.error();
    const auto& [host, port] = address.value();
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(timeoutMs))
        return unreachable(socket, target, "connect");
    if (Status st = writeAll(socket, target, bytes, timeoutMs); !st)
        return st;
    close(socket, timeoutMs);
    spdlog::info("sent {} bytes to printer {}", bytes.size(), target.toStdString());
    return {};
}

std::optional<QStringList> ZplSender::parseHostStatus(const QByteArray& reply)
{
    // String 1: aaa,b,c,dddd,... (b paper out, c paused); string 2: mmm,n,o,p,... (o head up,
    // p ribbon out); string 3: password and RAM. Each framed by STX ... ETX, CR LF.
    QList<QList<QByteArray>> strings;
    for (const QByteArray& part : reply.split(kStx)) {
        const qsizetype end = part.indexOf(kEtx);
        if (end >= 0)
            strings.append(part.left(end).split(','));
    }
    if (strings.size() < 2 || strings.at(0).size() < 3 || strings.at(1).size() < 4)
        return std::nullopt;
    const auto flag = [&](int string, int field) { return strings.at(string).at(field).trimmed() == "1"; };
    QStringList reasons;
    if (flag(0, 1))
        reasons << tr("paper out");
    if (flag(1, 3))
        reasons << tr("ribbon out");
    if (flag(1, 2))
        reasons << tr("print head open");
    if (flag(0, 2))
        reasons << tr("paused");
    return reasons;
}

Result<ZplSender::Outcome> ZplSender::deliver(const QString& target, const QByteArray& bytes, int timeoutMs,
                                              int statusTimeoutMs)
{
    auto address = parseTarget(target);
    if (!address)
        return address.error();
    const auto& [host, port] = address.value();
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(timeoutMs))
        return unreachable(socket, target, "connect");
    if (Status st = writeAll(socket, target, "~HS", timeoutMs); !st)
        return st.error();
    const QByteArray reply = readHostStatus(socket, statusTimeoutMs);
    const std::optional<QStringList> stopped = parseHostStatus(reply);
    if (stopped && !stopped->isEmpty()) {
        close(socket, timeoutMs);
        spdlog::warn("printer {} not ready: {}", target.toStdString(),
                     stopped->join(QStringLiteral(", ")).toStdString());
        return makeError(ErrorCode::PrinterUnreachable, QStringLiteral("printer_status"),
                         Message(tr,
                                 QT_TR_NOOP("the printer at %1 reports: %2; the label stays queued; fix the "
                                            "printer, then run label retry"),
                                 {target, Message::untranslated(stopped->join(QStringLiteral(", ")))}));
    }
    if (socket.state() != QAbstractSocket::ConnectedState)
        return unreachable(socket, target, "status");
    if (Status st = writeAll(socket, target, bytes, timeoutMs); !st)
        return st.error();
    close(socket, timeoutMs);
    spdlog::info("sent {} bytes to printer {} ({})", bytes.size(), target.toStdString(),
                 stopped ? "ready" : "no status answer");
    return stopped ? Outcome::Delivered : Outcome::SentUnconfirmed;
}

} // namespace rework
