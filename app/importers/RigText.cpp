#include "RigText.h"

#include "storage/InputFile.h"

#include <QStringDecoder>

namespace rework {
namespace {

Error refused(const QString& field, const Message& why)
{
    return makeError(ErrorCode::InvalidValue, field, why);
}

/// Takes out ANSI escape sequences (memtest_vulkan colours its verdict): ESC [ params letter.
void stripEscapes(QString& text)
{
    qsizetype out = 0;
    const qsizetype n = text.size();
    QChar* d = text.data();
    for (qsizetype i = 0; i < n; ++i) {
        if (d[i] == QChar(0x1B)) {
            qsizetype j = i + 1;
            if (j < n && d[j] == u'[') {
                ++j;
                while (j < n && (d[j].isDigit() || d[j] == u';' || d[j] == u'?'))
                    ++j;
                if (j < n && d[j].isLetter()) {
                    i = j;
                    continue;
                }
            }
            continue; // a lone ESC
        }
        d[out++] = d[i];
    }
    text.truncate(out);
}

} // namespace

Result<QByteArray> RigText::readFile(const QString& path, const QString& field)
{
    return InputFile::read(path, kMaxBytes, field);
}

Result<QString> RigText::decode(const QByteArray& data, const QString& field)
{
    if (data.size() > kMaxBytes) {
        return makeError(ErrorCode::OutOfRange, field,
                         Message(tr, QT_TR_NOOP("the file is larger than %1; is it the right file?"),
                                 {InputFile::sizeText(kMaxBytes)}));
    }
    QString text = decodeSaved(data);
    if (text.trimmed().isEmpty())
        return refused(field, Message(tr, QT_TR_NOOP("the file is empty")));
    // Control characters other than tab, line ends, form feed and ESC mean a binary file.
    qsizetype control = 0;
    for (QChar c : std::as_const(text)) {
        const char16_t u = c.unicode();
        if (u == 0)
            return refused(field, Message(tr, QT_TR_NOOP("this is a binary file, not a text log")));
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r' && u != u'\f' && u != 0x1B)
            ++control;
    }
    if (control > 16 && control * 100 > text.size())
        return refused(field, Message(tr, QT_TR_NOOP("this is a binary file, not a text log")));
    stripEscapes(text);
    text.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
    return text;
}

Result<QList<RigLine>> RigText::lines(const QString& text, const QString& field)
{
    QList<RigLine> out;
    int number = 1;
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i <= n; ++i) {
        const bool end = i == n;
        const QChar c = end ? QChar(u'\n') : text.at(i);
        if (c != u'\n' && c != u'\r')
            continue;
        if (i - start > kMaxLineChars) {
            return refused(field, Message(tr,
                                          QT_TR_NOOP("line %1 is longer than %2 characters; this is not a "
                                                     "log a test tool writes"),
                                          {number, kMaxLineChars}));
        }
        if (!(end && start == n))
            out.append({number, QStringView(text).sliced(start, i - start)});
        if (c == u'\n')
            ++number;
        start = i + 1;
    }
    return out;
}

QString RigText::decodeSaved(const QByteArray& data)
{
    auto encoding = QStringConverter::Utf8;
    qsizetype skip = 0;
    if (data.startsWith("\xEF\xBB\xBF")) {
        skip = 3;
    } else if (data.startsWith("\xFF\xFE")) {
        encoding = QStringConverter::Utf16LE;
        skip = 2;
    } else if (data.startsWith("\xFE\xFF")) {
        encoding = QStringConverter::Utf16BE;
        skip = 2;
    } else if (data.size() >= 4 && data.at(0) != 0 && data.at(1) == 0 && data.at(2) != 0 && data.at(3) == 0) {
        encoding = QStringConverter::Utf16LE;
    } else if (data.size() >= 4 && data.at(0) == 0 && data.at(1) != 0 && data.at(2) == 0 && data.at(3) != 0) {
        encoding = QStringConverter::Utf16BE;
    }
    QStringDecoder decoder(encoding);
    QString text = decoder.decode(QByteArrayView(data).sliced(skip));
    if (decoder.hasError() && encoding == QStringConverter::Utf8)
        text = QString::fromLatin1(data); // a Windows code page: the figures are ASCII either way
    return text;
}

Result<RigText::Read> RigText::read(const QByteArray& data, const QString& field)
{
    Result<QString> text = decode(data, field);
    if (!text)
        return text.error();
    Result<QList<RigLine>> split = lines(text.value(), field);
    if (!split)
        return split.error();
    return Read{text.value(), split.value()};
}

} // namespace rework
