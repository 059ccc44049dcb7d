#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

namespace rework {

/// One line of a log: its number in the file (1-based, counted at '\n') and its text. A terminal
/// capture's carriage returns split a line into the updates it overwrote; each is its own RigLine,
/// with the number of the line it sits on.
struct RigLine
{
    int number = 0;
    QStringView text;
};

/// The text of a test rig's log as its importers read it: decoded (UTF-8, UTF-16 with or without a
/// BOM, Latin-1 where UTF-8 does not fit), terminal colour codes taken out, and bounded: an empty
/// file, a binary one or one with a line of more than kMaxLineChars is refused in plain words.
class RigText
{
    Q_DECLARE_TR_FUNCTIONS(RigText)

public:
    /// The most any rig log may weigh: a day of gpu_burn on 8 GPUs prints less.
    static constexpr qint64 kMaxBytes = 64LL * 1024 * 1024;
    /// No tool prints a line this long; a file that has one is not a log.
    static constexpr qsizetype kMaxLineChars = 64LL * 1024;

    /// Reads a regular file of at most kMaxBytes (storage/InputFile); errors name `field`.
    static Result<QByteArray> readFile(const QString& path, const QString& field);
    /// The decoded text, '\r\n' made '\n'; refused when empty or binary.
    static Result<QString> decode(const QByteArray& data, const QString& field);
    /// The text of a saved log or report, whatever Windows or Linux saved it as: a BOM says the
    /// encoding; else zero bytes in every other place say UTF-16 (PowerShell's `>`); else UTF-8,
    /// or Latin-1 when it is no valid UTF-8 (a Windows code page). Line ends are kept.
    static QString decodeSaved(const QByteArray& data);
    /// The lines of `text` (which must outlive them), split at '\n' and at a lone '\r'.
    static Result<QList<RigLine>> lines(const QString& text, const QString& field);
    /// decode() and lines() in one: what every importer starts with.
    struct Read
    {
        QString text;
        QList<RigLine> lines;
    };
    static Result<Read> read(const QByteArray& data, const QString& field);
};

} // namespace rework
