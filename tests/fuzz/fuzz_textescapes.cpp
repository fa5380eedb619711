#include "fuzzcheck.h"
#include "textescapes.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(fuzzBytes(data, size));
    const QByteArray utf8 = text.toUtf8();
    const QByteArray bytes = TextEscapes::unescape(text);
    // Every escape is at least as long as the byte it stands for.
    FUZZ_CHECK(bytes.size() <= utf8.size());
    if (!utf8.contains('\\'))
        FUZZ_CHECK(bytes == utf8);
    return 0;
}
