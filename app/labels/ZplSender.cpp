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
constexpr char kStx = '\x02';
constexpr char kEtx = '\x03';

/// One connection to a printer whose every wait gives up after its timeout and hears the
/// operator's Cancel (set from another thread) within a tenth of a second.
class PrinterLink
{
public:
    PrinterLink(QString target, int timeoutMs, const std::atomic_bool* cancelled)
        : m_target(std::move(target)), m_timeoutMs(timeoutMs), m_cancelled(cancelled)
    {
    }

    Status connect(const QString& host, quint16 port)
    {
        m_socket.connectToHost(host, port);
        if (!waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, m_timeoutMs))
            return failed("connect");
        return {};
    }

    Status write(const QByteArray& bytes)
    {
        if (m_socket.write(bytes) != bytes.size())
            return failed("write");
        if (!waitUntil([this] { return m_socket.bytesToWrite() == 0; }, m_timeoutMs))
            return failed("write");
        return {};
    }

    /// The ~HS reply: three STX…ETX strings. Empty when none came within `timeoutMs`, the
    /// printer closed the connection first, or the send was cancelled.
    QByteArray readHostStatus(int timeoutMs)
    {
        QByteArray reply;
        waitUntil(
            [&] {
                reply += m_socket.readAll();
                // A status is about 100 bytes; more is not a Zebra answering.
                return reply.count(kEtx) >= 3 || reply.size() > 4096;
            },
            timeoutMs);
        return reply.count(kEtx) >= 3 && reply.size() <= 4096 ? reply : QByteArray();
    }

    /// A reply of one STX…ETX string (~HI): empty when none came within `timeoutMs`.
    QByteArray readOneString(int timeoutMs)
    {
        QByteArray reply;
        waitUntil(
            [&] {
                reply += m_socket.readAll();
                return reply.contains(kEtx) || reply.size() > 1024;
            },
            timeoutMs);
        return reply.contains(kEtx) && reply.size() <= 1024 ? reply : QByteArray();
    }

    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool cancelled() const { return m_cancelled && m_cancelled->load(); }

    /// Closes the connection the way a Zebra ends a job; a peer that has already gone is fine.
    void close()
    {
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            m_socket.waitForDisconnected(m_timeoutMs);
    }

    /// Why the last wait ended without its result: cancelled, or the printer out of reach.
    Error failed(const char* what)
    {
        if (cancelled()) {
            m_socket.abort();
            spdlog::info("sending to printer {} cancelled", m_target.toStdString());
            return makeError(
                ErrorCode::PrinterUnreachable, QStringLiteral("printer_cancelled"),
                Message(&ZplSender::tr,
                        QT_TRANSLATE_NOOP("ZplSender", "sending to the printer at %1 was cancelled; "
                                                       "the label is kept and sent again on retry"),
                        {m_target}));
        }
        if (m_socket.error() == QAbstractSocket::HostNotFoundError) {
            // Not a printer that is off: a name nothing on this network answers to.
            spdlog::warn("printer {}: {}: host not found", m_target.toStdString(), what);
            m_socket.abort();
            return makeError(
                ErrorCode::PrinterUnreachable, QStringLiteral("printer"),
                Message(&ZplSender::tr,
                        QT_TRANSLATE_NOOP("ZplSender",
                                          "no computer on this network is called %1 (the printer at %2); "
                                          "the label is kept; correct the printer's name or give its IP "
                                          "address, then cancel the label (label cancel) or retry"),
                        {m_target.section(QLatin1Char(':'), 0, -2), m_target}));
        }
        const QString reason =
            m_timedOut && m_socket.error() == QAbstractSocket::UnknownSocketError
                ? QCoreApplication::translate("QAbstractSocket", "Socket operation timed out")
                : m_socket.errorString();
        spdlog::warn("printer {}: {}: {}", m_target.toStdString(), what, reason.toStdString());
        m_socket.abort();
        return makeError(
            ErrorCode::PrinterUnreachable, QStringLiteral("printer"),
            Message(&ZplSender::tr,
                    QT_TRANSLATE_NOOP("ZplSender",
                                      "the printer at %1 did not take the label (%2); the label is "
                                      "kept and sent again on retry; check that the printer is on "
                                      "and connected"),
                    {m_target, reason}));
    }

private:
    /// Waits on a loop of its own rather than waitFor…(): a timed-out waitForConnected drops the
    /// connection, so it cannot be sliced, and a cancel must be heard while a printer is silent.
    /// A socket that fell back to unconnected (refused, reset) has failed at once.
    template <typename Done> bool waitUntil(const Done& done, int timeoutMs)
    {
        QElapsedTimer waited;
        waited.start();
        const auto over = [&] {
            m_timedOut = waited.elapsed() >= timeoutMs;
            return done() || cancelled() || m_timedOut ||
                   m_socket.state() == QAbstractSocket::UnconnectedState;
        };
        if (!over()) {
            QEventLoop loop;
            QTimer poll;
            const auto check = [&] {
                if (over())
                    loop.quit();
            };
            QObject::connect(&poll, &QTimer::timeout, &loop, check);
            QObject::connect(&m_socket, &QAbstractSocket::stateChanged, &loop, check);
            QObject::connect(&m_socket, &QIODevice::bytesWritten, &loop, check);
            QObject::connect(&m_socket, &QIODevice::readyRead, &loop, check);
            QObject::connect(&m_socket, &QAbstractSocket::errorOccurred, &loop, check);
            poll.start(static_cast<int>(kSliceMs));
            loop.exec();
        }
        return done();
    }

    QString m_target;
    int m_timeoutMs;
    const std::atomic_bool* m_cancelled;
    bool m_timedOut = false;
    QTcpSocket m_socket;
};

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
    PrinterLink link(target, timeoutMs, cancelled);
    if (Status st = link.connect(host, port); !st)
        return st;
    if (Status st = link.write(bytes); !st)
        return st;
    link.close();
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

std::optional<int> ZplSender::parseHostIdentification(const QByteArray& reply)
{
    const qsizetype start = reply.indexOf(kStx);
    const qsizetype end = reply.indexOf(kEtx, start + 1);
    if (start < 0 || end < 0)
        return std::nullopt;
    const QList<QByteArray> fields = reply.mid(start + 1, end - start - 1).split(',');
    if (fields.size() < 3)
        return std::nullopt;
    bool number = false;
    const int dotsPerMm = fields.at(2).trimmed().toInt(&number);
    if (!number)
        return std::nullopt;
    switch (dotsPerMm) {
    case 6:
        return 152;
    case 8:
        return 203;
    case 12:
        return 300;
    case 24:
        return 600;
    default:
        return std::nullopt;
    }
}

std::optional<int> ZplSender::queryDpi(const QString& target, int timeoutMs,
                                       const std::atomic_bool* cancelled)
{
    auto address = parseTarget(target);
    if (!address)
        return std::nullopt;
    const auto& [host, port] = address.value();
    PrinterLink link(target, timeoutMs, cancelled);
    if (!link.connect(host, port) || !link.write("~HI"))
        return std::nullopt;
    const std::optional<int> dpi = parseHostIdentification(link.readOneString(timeoutMs));
    if (link.connected())
        link.close();
    spdlog::info("printer {} resolution: {}", target.toStdString(),
                 dpi ? std::to_string(*dpi) + " dpi" : std::string("not reported"));
    return dpi;
}

Result<ZplSender::Outcome> ZplSender::deliver(const QString& target, const QByteArray& bytes, int timeoutMs,
                                              int statusTimeoutMs, const std::atomic_bool* cancelled)
{
    auto address = parseTarget(target);
    if (!address)
        return address.error();
    const auto& [host, port] = address.value();
    PrinterLink link(target, timeoutMs, cancelled);
    if (Status st = link.connect(host, port); !st)
        return st.error();
    if (Status st = link.write("~HS"); !st)
        return st.error();
    const QByteArray reply = link.readHostStatus(statusTimeoutMs);
    if (link.cancelled())
        return link.failed("status");
    const std::optional<QStringList> stopped = parseHostStatus(reply);
    if (stopped && !stopped->isEmpty()) {
        link.close();
        spdlog::warn("printer {} not ready: {}", target.toStdString(),
                     stopped->join(QStringLiteral(", ")).toStdString());
        return makeError(ErrorCode::PrinterUnreachable, QStringLiteral("printer_status"),
                         Message(tr,
                                 QT_TR_NOOP("the printer at %1 reports: %2; the label stays queued; fix the "
                                            "printer, then run label retry"),
                                 {target, Message::untranslated(stopped->join(QStringLiteral(", ")))}));
    }
    if (!link.connected())
        return link.failed("status");
    if (Status st = link.write(bytes); !st)
        return st.error();
    link.close();
    spdlog::info("sent {} bytes to printer {} ({})", bytes.size(), target.toStdString(),
                 stopped ? "ready" : "no status answer");
    return stopped ? Outcome::Delivered : Outcome::SentUnconfirmed;
}

} // namespace rework
