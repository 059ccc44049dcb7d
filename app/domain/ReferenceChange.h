#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rework {

/// One change of reference data: an operator, a permission, a product, a serial format, a
/// limit, a defect code, a setting, a station or a label template. It is recorded as an event
/// (step `reference`) like work, so the same outbox, chain, replay and `check` carry it to every
/// station; ReferenceProjector applies it column by column, the newest change winning.
struct ReferenceChange
{
    static inline const QString kStep = QStringLiteral("reference");
    /// The pseudo-column that says whether the row exists: false removes it (a revoked permission).
    static inline const QString kPresent = QStringLiteral("_present");

    QString table;
    QJsonObject key; ///< key column -> value
    QJsonObject set; ///< column -> value (null: no value)

    /// "operators/OP007": the event's subject.
    QString subject() const;
    QJsonObject toPayload() const;
    static std::optional<ReferenceChange> fromPayload(const QJsonObject& payload);
};

} // namespace rework
