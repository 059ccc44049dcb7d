#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>

namespace rework {

/// Sends raw printer language to a network printer's port (Zebra: 9100), the way a Zebra
/// takes jobs: connect, write every byte, close.
class ZplSender
{
    Q_DECLARE_TR_FUNCTIONS(ZplSender)

public:
    /// `target` is "host:port". Checks it without connecting; returns host and port.
    static Result<std::pair<QString, quint16>> parseTarget(const QString& target);
    /// Each wait (connect, write, flush) gives up after `timeoutMs`; a set `cancelled` (the
    /// operator's Cancel, read from another thread) ends it within a tenth of a second.
    static Status send(const QString& target, const QByteArray& bytes, int timeoutMs = 5000,
                       const std::atomic_bool* cancelled = nullptr);
};

} // namespace rework
