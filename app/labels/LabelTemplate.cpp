#include "LabelTemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <initializer_list>
#include <utility>

namespace rework {
namespace {

constexpr qsizetype kMaxFileBytes = qsizetype{256} * 1024;
constexpr int kMaxElements = 200;
// Each image is painted at full resolution into every PDF and ZPL file: 200 of them made a
// 408 MB PDF.
constexpr int kMaxImages = 8;
// And each is sent as one bit per dot (two hex digits per 8 dots) in the ZPL: 8 million dots in
// all is 2 MB of printer data, more than a label needs.
constexpr qint64 kMaxImageDots = 8'000'000;
constexpr int kMaxTextLength = 500;
constexpr double kMinSideMm = 5, kMaxSideMm = 300;

Error bad(const Message& message)
{
    return makeError(ErrorCode::InvalidValue, QStringLiteral("template"), message);
}

/// True for text with a character below U+0020 (line breaks included) or DEL; `allowLineBreaks`
/// lets '\n' through (a QR code of several serials).
bool hasControl(const QString& text, bool allowLineBreaks = false)
{
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && !(allowLineBreaks && c == QLatin1Char('\n'))) || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

/// A number of the template, or `fallback` where none is given; NaN where it is not finite, so
/// that every range check refuses it.
double number(const QJsonObject& o, const QString& key, double fallback)
{
    const double v = o.value(key).toDouble(fallback);
    return std::isfinite(v) ? v : std::nan("");
}

/// The value that `name` stands for among `names`; nullopt for any other name.
template <typename T>
std::optional<T> fromName(const QString& name, std::initializer_list<std::pair<QLatin1StringView, T>> names)
{
    for (const auto& [text, value] : names) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

std::optional<BarcodeSymbol::Type> symbologyFromName(const QString& name)
{
    using Type = BarcodeSymbol::Type;
    return fromName<Type>(name, {{QLatin1StringView("code128"), Type::Code128},
                                 {QLatin1StringView("gs1-128"), Type::Gs1_128},
                                 {QLatin1StringView("datamatrix"), Type::DataMatrix},
                                 {QLatin1StringView("qr"), Type::QrCode}});
}

std::optional<LabelTemplate::Kind> kindFromName(const QString& name)
{
    using Kind = LabelTemplate::Kind;
    return fromName<Kind>(name, {{QLatin1StringView("die"), Kind::Die},
                                 {QLatin1StringView("unit"), Kind::Unit},
                                 {QLatin1StringView("batch"), Kind::Batch}});
}

std::optional<LabelTemplate::Element::Type> elementTypeFromName(const QString& name)
{
    using Type = LabelTemplate::Element::Type;
    return fromName<Type>(name, {{QLatin1StringView("text"), Type::Text},
                                 {QLatin1StringView("barcode"), Type::Barcode},
                                 {QLatin1StringView("line"), Type::Line},
                                 {QLatin1StringView("box"), Type::Box},
                                 {QLatin1StringView("image"), Type::Image}});
}

/// The steps of LabelTemplate::parse, each checking one part of the file. They speak in
/// LabelTemplate's translation context, since their messages are its own.
struct TemplateParser
{
    Q_DECLARE_TR_FUNCTIONS(LabelTemplate)

public:
    using Element = LabelTemplate::Element;

    /// The file's JSON object, with no settings beyond the known ones.
    static Result<QJsonObject> root(const QByteArray& json);
    /// The label itself: name, description, kind, size and resolution.
    static Status label(const QJsonObject& root, LabelTemplate& t);
    static Status elements(const QJsonValue& elements, LabelTemplate& t);
    /// Element `index` (from 1): its type and its place on the label `t`.
    static Result<Element> element(const QJsonObject& o, int index, const LabelTemplate& t);
    /// What an element of its type needs: a text, a barcode's data, a line's thickness, an image.
    static Status content(const QJsonObject& o, int index, Element& e);
};

Result<QJsonObject> TemplateParser::root(const QByteArray& json)
{
    if (json.size() > kMaxFileBytes)
        return bad(
            Message(tr, QT_TR_NOOP("the template file is larger than 256 KB; a label needs far less")));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        return bad(Message(tr, QT_TR_NOOP("not a label template (JSON error at byte %1: %2); check the file"),
                           {parseError.offset, parseError.errorString()}));
    }
    const QJsonObject root = doc.object();
    static const QSet<QString> rootKeys{QStringLiteral("name"),      QStringLiteral("description"),
                                        QStringLiteral("kind"),      QStringLiteral("width_mm"),
                                        QStringLiteral("height_mm"), QStringLiteral("dpi"),
                                        QStringLiteral("elements"),  QStringLiteral("printed_from")};
    for (const QString& key : root.keys()) {
        if (!rootKeys.contains(key))
            return bad(Message(tr, QT_TR_NOOP("unknown setting \"%1\" in the template"), {key.left(40)}));
    }
    return root;
}

Status TemplateParser::label(const QJsonObject& root, LabelTemplate& t)
{
    t.name = root.value(QStringLiteral("name")).toString();
    // Anchored: "$" alone would let a name end in a line break.
    static const QRegularExpression namePattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9-]{0,39}")));
    if (!namePattern.match(t.name).hasMatch())
        return bad(
            Message(tr, QT_TR_NOOP("the template needs a name of lower-case letters, digits and dashes")));
    t.description = root.value(QStringLiteral("description")).toString();
    if (t.description.size() > 200 || hasControl(t.description))
        return bad(Message(tr, QT_TR_NOOP("the description is one line of at most 200 characters")));
    const std::optional<LabelTemplate::Kind> kind =
        kindFromName(root.value(QStringLiteral("kind")).toString());
    if (!kind)
        return bad(Message(tr, QT_TR_NOOP("kind must be die, unit or batch")));
    t.kind = *kind;
    t.printedFrom = root.value(QStringLiteral("printed_from")).toString();
    if (!t.printedFrom.isEmpty() &&
        (t.kind != LabelTemplate::Kind::Unit || t.printedFrom != QLatin1StringView("mounted")))
        return bad(
            Message(tr, QT_TR_NOOP("printed_from is \"mounted\" on a unit label (a traveler), or left out")));
    t.widthMm = number(root, QStringLiteral("width_mm"), -1);
    t.heightMm = number(root, QStringLiteral("height_mm"), -1);
    if (!(t.widthMm >= kMinSideMm && t.widthMm <= kMaxSideMm && t.heightMm >= kMinSideMm &&
          t.heightMm <= kMaxSideMm)) {
        return bad(
            Message(tr, QT_TR_NOOP("the label must be %1 to %2 mm on each side"), {kMinSideMm, kMaxSideMm}));
    }
    t.dpi = root.value(QStringLiteral("dpi")).toInt(0);
    if (t.dpi != 203 && t.dpi != 300 && t.dpi != 600)
        return bad(Message(tr, QT_TR_NOOP("dpi must be 203, 300 or 600, as the printer prints")));
    return {};
}

Status TemplateParser::elements(const QJsonValue& elements, LabelTemplate& t)
{
    if (!elements.isArray() || elements.toArray().isEmpty())
        return bad(Message(tr, QT_TR_NOOP("the template has no elements")));
    if (elements.toArray().size() > kMaxElements)
        return bad(Message(tr, QT_TR_NOOP("a template holds at most %1 elements"), {kMaxElements}));
    static const QSet<QString> elementKeys{
        QStringLiteral("type"), QStringLiteral("x_mm"),      QStringLiteral("y_mm"),
        QStringLiteral("w_mm"), QStringLiteral("h_mm"),      QStringLiteral("text"),
        QStringLiteral("data"), QStringLiteral("font"),      QStringLiteral("size_pt"),
        QStringLiteral("bold"), QStringLiteral("symbology"), QStringLiteral("thickness_mm"),
        QStringLiteral("file")};
    int index = 0, images = 0;
    qint64 imageDots = 0;
    for (const auto& v : elements.toArray()) {
        ++index;
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("type")).toString() == QLatin1StringView("image") && ++images > kMaxImages)
            return bad(Message(tr, QT_TR_NOOP("a template holds at most %1 images"), {kMaxImages}));
        for (const QString& key : o.keys()) {
            if (!elementKeys.contains(key))
                return bad(
                    Message(tr, QT_TR_NOOP("element %1: unknown setting \"%2\""), {index, key.left(40)}));
        }
        Result<Element> e = element(o, index, t);
        if (!e)
            return e.error();
        if (e->type == Element::Type::Image) {
            imageDots += qint64{t.dots(e->widthMm)} * t.dots(e->heightMm);
            if (imageDots > kMaxImageDots)
                return bad(
                    Message(tr,
                            QT_TR_NOOP("element %1: the images cover more than %2 million printer dots "
                                       "at %3 dpi; make them smaller"),
                            {index, kMaxImageDots / 1'000'000, t.dpi}));
        }
        t.elements.append(e.value());
    }
    return {};
}

Result<LabelTemplate::Element> TemplateParser::element(const QJsonObject& o, int index,
                                                       const LabelTemplate& t)
{
    Element e;
    const QString type = o.value(QStringLiteral("type")).toString();
    const std::optional<Element::Type> known = elementTypeFromName(type);
    if (!known)
        return bad(
            Message(tr, QT_TR_NOOP("element %1: unknown type \"%2\"; use text, barcode, line, box or image"),
                    {index, type.left(40)}));
    e.type = *known;
    e.xMm = number(o, QStringLiteral("x_mm"), -1);
    e.yMm = number(o, QStringLiteral("y_mm"), -1);
    e.widthMm = number(o, QStringLiteral("w_mm"), -1);
    e.heightMm = number(o, QStringLiteral("h_mm"), -1);
    // A line is drawn along one side of its box, so one of its sides may be zero.
    const bool line = e.type == Element::Type::Line;
    const bool sizeOk = line ? (e.widthMm >= 0 && e.heightMm >= 0 && e.widthMm + e.heightMm > 0)
                             : (e.widthMm > 0 && e.heightMm > 0);
    if (!(e.xMm >= 0 && e.yMm >= 0) || !sizeOk)
        return bad(
            Message(tr, QT_TR_NOOP("element %1: give x_mm, y_mm, w_mm and h_mm, none negative"), {index}));
    if (!(e.xMm + e.widthMm <= t.widthMm + 1e-6 && e.yMm + e.heightMm <= t.heightMm + 1e-6)) {
        return bad(Message(tr, QT_TR_NOOP("element %1 reaches past the %2 × %3 mm label; move or shrink it"),
                           {index, t.widthMm, t.heightMm}));
    }
    if (Status st = content(o, index, e); !st)
        return st.error();
    return e;
}

Status TemplateParser::content(const QJsonObject& o, int index, Element& e)
{
    switch (e.type) {
    case Element::Type::Text:
        e.text = o.value(QStringLiteral("text")).toString();
        if (e.text.isEmpty())
            return bad(Message(tr, QT_TR_NOOP("element %1: a text element needs \"text\""), {index}));
        if (e.text.size() > kMaxTextLength || hasControl(e.text))
            return bad(Message(tr, QT_TR_NOOP("element %1: a text is one line of at most %2 characters"),
                               {index, kMaxTextLength}));
        e.font = o.value(QStringLiteral("font")).toString(e.font);
        if (e.font.size() > 60 || hasControl(e.font))
            return bad(Message(tr, QT_TR_NOOP("element %1: a font name is one line of at most 60 characters"),
                               {index}));
        e.sizePt = number(o, QStringLiteral("size_pt"), e.sizePt);
        if (!(e.sizePt >= 3 && e.sizePt <= 72))
            return bad(Message(tr, QT_TR_NOOP("element %1: size_pt must be 3 to 72"), {index}));
        e.bold = o.value(QStringLiteral("bold")).toBool(false);
        break;
    case Element::Type::Barcode: {
        const auto symbology = symbologyFromName(o.value(QStringLiteral("symbology")).toString());
        if (!symbology)
            return bad(Message(
                tr, QT_TR_NOOP("element %1: symbology must be code128, gs1-128, datamatrix or qr"), {index}));
        e.symbology = *symbology;
        e.text = o.value(QStringLiteral("data")).toString();
        if (e.text.isEmpty())
            return bad(Message(tr, QT_TR_NOOP("element %1: a barcode needs \"data\""), {index}));
        // Line breaks separate serials in a QR code; nothing else below a space.
        if (e.text.size() > kMaxTextLength || hasControl(e.text, true))
            return bad(
                Message(tr,
                        QT_TR_NOOP("element %1: barcode data is at most %2 characters, with no control "
                                   "characters but line breaks"),
                        {index, kMaxTextLength}));
        // Fixed data can be checked now; data with variables when it is filled in.
        if (!e.text.contains(QStringLiteral("${"))) {
            if (auto symbol = BarcodeSymbol::encode(e.symbology, e.text); !symbol)
                return bad(Message(tr, QT_TR_NOOP("element %1: %2"), {index, symbol.error().asArg()}));
        }
        break;
    }
    case Element::Type::Line:
    case Element::Type::Box:
        e.thicknessMm = number(o, QStringLiteral("thickness_mm"), e.thicknessMm);
        if (!(e.thicknessMm > 0 && e.thicknessMm <= 10))
            return bad(
                Message(tr, QT_TR_NOOP("element %1: thickness_mm must be above 0 and at most 10"), {index}));
        break;
    case Element::Type::Image: {
        // Relative to the template's folder (the data folder's labels/), never above it: no
        // absolute path, no "..", no hidden file, no resource path.
        static const QRegularExpression imageName(QRegularExpression::anchoredPattern(
            QStringLiteral("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}(/[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}){0,3}")));
        e.imagePath = o.value(QStringLiteral("file")).toString();
        if (!imageName.match(e.imagePath).hasMatch() || e.imagePath.contains(QStringLiteral("..")))
            return bad(
                Message(tr,
                        QT_TR_NOOP("element %1: an image needs \"file\", a file name in the template's "
                                   "folder (labels/ of the data folder); no absolute path, no \"..\""),
                        {index}));
        break;
    }
    }
    return {};
}

} // namespace

QString LabelTemplate::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Die:
        return QStringLiteral("die");
    case Kind::Unit:
        return QStringLiteral("unit");
    case Kind::Batch:
        return QStringLiteral("batch");
    }
    return {};
}

Result<LabelTemplate> LabelTemplate::atDpi(int printerDpi) const
{
    if (printerDpi != 203 && printerDpi != 300 && printerDpi != 600)
        return bad(Message(tr, QT_TR_NOOP("dpi must be 203, 300 or 600, as the printer prints")));
    LabelTemplate t = *this;
    t.dpi = printerDpi;
    return t;
}

int LabelTemplate::dots(double mm) const
{
    return static_cast<int>(std::lround(mm * dpi / 25.4));
}

Result<LabelTemplate> LabelTemplate::parse(const QByteArray& json, const QString& folder)
{
    Result<QJsonObject> root = TemplateParser::root(json);
    if (!root)
        return root.error();
    LabelTemplate t;
    t.folder = folder;
    if (Status st = TemplateParser::label(root.value(), t); !st)
        return st.error();
    if (Status st = TemplateParser::elements(root.value().value(QStringLiteral("elements")), t); !st)
        return st.error();
    return t;
}

} // namespace rework
