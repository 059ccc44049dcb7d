// Whatever a scanner or a keyboard can send into a scan field: serial checks for every kind, the
// command barcodes, and the key=value parser of every step's form.
#include "domain/CommandCode.h"
#include "domain/SerialRules.h"
#include "domain/Step.h"
#include "workflow/StepSchema.h"

#include <cstddef>
#include <cstdint>

using namespace rework;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    static const SerialRules rules;
    for (int k = 0; k <= static_cast<int>(SerialKind::Station); ++k) {
        const auto kind = static_cast<SerialKind>(k);
        (void)SerialRules::normalise(kind, text);
        (void)rules.validate(kind, text, QStringLiteral("RTX4090"));
    }
    (void)SerialRules::hasControlCharacters(text);
    (void)CommandCode::parse(text);
    const QStringList fields = text.split(QLatin1Char('\n'));
    for (Step step : {Step::Intake, Step::Strip, Step::Reball, Step::Mount, Step::Inspect, Step::Test,
                      Step::Pack, Step::Close, Step::Ship, Step::Scrap, Step::Bake, Step::Void})
        (void)StepSchema::parse(step, fields);
    return 0;
}
