// nvidia-smi reports come from files operators pick and from other machines: XML (DTD v11-v13)
// and the text of `nvidia-smi -q`, in any state of damage.
#include "importers/NvidiaSmiImporter.h"

#include <cstddef>
#include <cstdint>

using namespace rework;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    (void)NvidiaSmiImporter::parse(
        QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    return 0;
}
