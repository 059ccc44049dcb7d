// Label templates are JSON files an admin copies into the data folder: parsed and validated
// before anything is drawn.
#include "labels/LabelTemplate.h"

#include <cstddef>
#include <cstdint>

using namespace rework;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    (void)LabelTemplate::parse(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    return 0;
}
