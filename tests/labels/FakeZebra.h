#pragma once

#include <QAtomicInt>
#include <QMutex>
#include <QMutexLocker>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <memory>
#include <vector>

namespace rework::test {

/// A Zebra on 127.0.0.1 that answers the host status query (~HS) as a real one does: three
/// STX…ETX strings, with the paper-out and pause flags in the first and head-up and ribbon-out in
/// the second. It runs in a thread of its own, since the sender waits for the answer blocking.
/// `Silent` never answers (a printer that does not speak ~HS, or a plain socket). It also answers
/// the host identification (~HI) with its resolution in dots per millimetre, as a Zebra does
/// (`dpi` 0, or Silent: no answer). `HangsUp` accepts each connection and closes it at once, reading
/// nothing; `NeverReads` accepts each one and holds it open without reading or answering.
class FakeZebra : public QThread
{
public:
    enum Answer
    {
        Ready,
        PaperOut,
        HeadOpen,
        RibbonOut,
        Paused,
        Silent,
        HangsUp,
        NeverReads
    };

    explicit FakeZebra(Answer answer, int dpi = 300) : m_answer(answer), m_dpi(dpi)
    {
        start();
        m_started.acquire();
    }
    ~FakeZebra() override
    {
        m_stop.storeRelaxed(1);
        wait();
    }
    void setAnswer(Answer answer) { m_answer.storeRelaxed(answer); }
    void setDpi(int dpi) { m_dpi.storeRelaxed(dpi); }
    QString target() const { return QStringLiteral("127.0.0.1:%1").arg(m_port.loadRelaxed()); }
    /// Everything received, over every connection; and how many connections ended.
    QByteArray received() const
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }
    int closed() const { return m_closed.loadRelaxed(); }

    /// "<STX>model,firmware,dots per mm,memory,options<ETX>" as the ZPL manual gives it.
    static QByteArray identificationReply(int dpi)
    {
        const int dotsPerMm = dpi == 203 ? 8 : dpi == 300 ? 12 : dpi == 600 ? 24 : dpi == 152 ? 6 : 0;
        return "\x02ZT411-" + QByteArray::number(dpi) + "dpi,V84.20.21Z," + QByteArray::number(dotsPerMm) +
               ",8192KB,\x03\r\n";
    }

    static QByteArray statusReply(Answer answer)
    {
        const char paper = answer == PaperOut ? '1' : '0';
        const char pause = answer == Paused ? '1' : '0';
        const char head = answer == HeadOpen ? '1' : '0';
        const char ribbon = answer == RibbonOut ? '1' : '0';
        return QByteArray("\x02") + "030," + paper + ',' + pause + ",1245,000,0,0,0,000,0,0,0\x03\r\n" +
               "\x02" + "001,0," + head + ',' + ribbon + ",1,2,6,0,00000000,1,000\x03\r\n" + "\x02" +
               "1234,0\x03\r\n";
    }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        m_port.storeRelaxed(server.serverPort());
        m_started.release();
        std::vector<std::unique_ptr<QTcpSocket>> held;
        while (!m_stop.loadRelaxed()) {
            // waitForNewConnection() waits on the listening socket only: connections that arrived
            // together are accepted together, and all but the first would wait there forever.
            if (!server.hasPendingConnections() && !server.waitForNewConnection(20))
                continue;
            QTcpSocket* s = server.nextPendingConnection();
            if (m_answer.loadRelaxed() == HangsUp) {
                s->disconnectFromHost();
                delete s;
                m_closed.ref();
                continue;
            }
            if (m_answer.loadRelaxed() == NeverReads) {
                held.emplace_back(s); // open until the fake ends
                continue;
            }
            QByteArray got;
            bool answered = false, identified = false;
            while (!m_stop.loadRelaxed() && s->state() == QAbstractSocket::ConnectedState) {
                s->waitForReadyRead(20);
                got += s->readAll();
                if (!answered && got.contains("~HS") && m_answer.loadRelaxed() < Silent) {
                    s->write(statusReply(static_cast<Answer>(m_answer.loadRelaxed())));
                    s->waitForBytesWritten(1000);
                    answered = true;
                }
                if (!identified && got.contains("~HI") && m_answer.loadRelaxed() < Silent &&
                    m_dpi.loadRelaxed() != 0) {
                    s->write(identificationReply(m_dpi.loadRelaxed()));
                    s->waitForBytesWritten(1000);
                    identified = true;
                }
            }
            got += s->readAll();
            delete s;
            QMutexLocker lock(&m_mutex);
            m_received += got;
            m_closed.ref();
        }
    }

private:
    QAtomicInt m_answer;
    QAtomicInt m_dpi;
    QAtomicInt m_stop{0};
    QAtomicInt m_port{0};
    QAtomicInt m_closed{0};
    QSemaphore m_started;
    mutable QMutex m_mutex;
    QByteArray m_received;
};

} // namespace rework::test
