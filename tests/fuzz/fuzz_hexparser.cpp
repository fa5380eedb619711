#include "fuzzcheck.h"
#include "hexparser.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(fuzzBytes(data, size));
    const HexParser::Result result = HexParser::parse(text);
    if (result.ok()) {
        FUZZ_CHECK(result.errorPosition == -1);
        // What format() writes, parse() must read back unchanged.
        const HexParser::Result again = HexParser::parse(HexParser::format(result.bytes));
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again.bytes == result.bytes);
    } else {
        // The position names a character of the input (code points, 1-based).
        FUZZ_CHECK(result.errorPosition >= 1);
        FUZZ_CHECK(result.errorPosition <= text.size());
    }
    return 0;
}
