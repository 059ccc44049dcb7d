#pragma once

#include "domain/SerialKind.h"

#include <QString>
#include <QStringList>

namespace rework {

enum class FieldType
{
    Serial,
    Text,
    Int,
    Real,
    Choice,
    ChoiceList,
    Bool,
    DateTime,
    Model,
    Defect,
    Evidence
};

/// One input of a step: its key (as typed on the CLI, `key=value`), type and plausible range.
/// Process limits (peak temperature, void %) live in product data, not here: this range only
/// rejects values no instrument could produce.
struct FieldSpec
{
    QString key;
    FieldType type = FieldType::Text;
    bool required = false;
    SerialKind serial = SerialKind::Card; // for FieldType::Serial
    /// For Text fields that name something by id (`item` upper case, `event` lower case), or a
    /// material or setting people type (stencil, flux lot, profile: SerialRules::foldName).
    enum class Case
    {
        AsTyped,
        Upper,
        Lower,
        Name
    } textCase = Case::AsTyped;
    double min = 0; // for Int/Real
    double max = 0;
    QStringList choices;     // for Choice/ChoiceList, lower case
    QString exclusiveChoice; // for ChoiceList: the choice that says "nothing found" (ok, none)
    QString defaultText;     // shown in --help; empty when the field is optional without a default
    const char* help = "";   // source text, translated via QCoreApplication::translate("Field", ...)

    QString helpText() const;
    /// The default as people read it (translated where it is words, e.g. "now").
    QString defaultTitle() const;
    /// Translated title of a choice or outcome code ("fail" -> "fail" / "不合格").
    static QString choiceTitle(const QString& code);
    QString typeText() const;
};

} // namespace rework
