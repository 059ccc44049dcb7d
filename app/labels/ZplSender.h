#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace rework {

/// Sends raw printer language to a network printer's port (Zebra: 9100), the way a Zebra
/// takes jobs: connect, write every byte, close.
class ZplSender
{
    Q_DECLARE_TR_FUNCTIONS(ZplSender)

public:
    /// `target` is "host:port". Checks it without connecting; returns host and port.
    static Result<std::pair<QString, quint16>> parseTarget(const QString& target);
    /// Connects, writes every byte, closes; no status asked. Each wait (connect, write, flush)
    /// gives up after `timeoutMs`; a set `cancelled` (the operator's Cancel, read from another
    /// thread) ends it within a tenth of a second.
    static Status send(const QString& target, const QByteArray& bytes, int timeoutMs = 5000,
                       const std::atomic_bool* cancelled = nullptr);

    /// What a Zebra's host status (~HS) says stops it printing, in plain words: "paper out",
    /// "ribbon out", "print head open", "paused". Empty when it is ready. nullopt for a reply
    /// that is not a ~HS answer.
    static std::optional<QStringList> parseHostStatus(const QByteArray& reply);

    /// The resolution a Zebra's host identification (~HI) reports: "<STX>model,version,dpm,memory,
    /// options<ETX>", its third field dots per millimetre (8: 203 dpi, 12: 300, 24: 600; 6: 152).
    /// nullopt for a reply that is not a ~HI answer.
    static std::optional<int> parseHostIdentification(const QByteArray& reply);
    /// Asks the printer at `target` for its resolution (~HI), on a connection of its own, waiting
    /// `timeoutMs` to connect and again for the answer. nullopt when it cannot be reached, does
    /// not answer (not a Zebra, or one that does not speak ~HI) or is cancelled.
    static std::optional<int> queryDpi(const QString& target, int timeoutMs,
                                       const std::atomic_bool* cancelled = nullptr);

    enum class Outcome
    {
        Delivered,      // the printer reported itself ready, then took every byte
        SentUnconfirmed // every byte was taken, but the printer never answered ~HS
    };
    /// Asks the printer for its host status first (waiting `statusTimeoutMs`) and sends only to a
    /// printer that is ready. A printer that is not is an error with field "printer_status" whose
    /// message names each reason; nothing is sent then. Unreachable: field "printer"; cancelled
    /// (as send()): field "printer_cancelled".
    static Result<Outcome> deliver(const QString& target, const QByteArray& bytes, int timeoutMs = 5000,
                                   int statusTimeoutMs = 2000, const std::atomic_bool* cancelled = nullptr);
};

} // namespace rework
