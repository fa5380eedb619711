#include "clienthello.h"

#include <algorithm>

namespace {

// A bounds-checked cursor over the hello; any read past the end leaves it failed.
class Reader final
{
public:
    Reader(const QByteArray &bytes, qsizetype begin, qsizetype end)
        : m_bytes(bytes)
        , m_position(begin)
        , m_end(std::min(end, bytes.size()))
    {
    }

    bool ok() const { return m_ok; }
    qsizetype position() const { return m_position; }

    quint32 number(int size)
    {
        quint32 value = 0;
        if (m_position + size > m_end) {
            m_ok = false;
            return 0;
        }
        for (int i = 0; i < size; ++i)
            value = (value << 8) | quint8(m_bytes.at(m_position++));
        return value;
    }

    void skip(qsizetype count)
    {
        if (m_position + count > m_end)
            m_ok = false;
        else
            m_position += count;
    }

private:
    const QByteArray &m_bytes;
    qsizetype m_position = 0;
    qsizetype m_end = 0;
    bool m_ok = true;
};

constexpr quint8 ClientHelloType = 1;
constexpr quint32 ServerNameExtension = 0;
constexpr quint8 HostNameType = 0;

} // namespace

QString ClientHello::serverName(const QByteArray &bytes)
{
    Reader record(bytes, 0, bytes.size());
    if (record.number(1) != HandshakeRecord)
        return {};
    record.skip(2); // legacy record version
    const qsizetype recordLength = record.number(2);
    if (!record.ok())
        return {};
    Reader hello(bytes, record.position(), record.position() + recordLength);
    if (hello.number(1) != ClientHelloType)
        return {};
    hello.skip(3 + 2 + 32);         // length, legacy version, random
    hello.skip(hello.number(1));    // session id
    hello.skip(hello.number(2));    // cipher suites
    hello.skip(hello.number(1));    // compression methods
    const qsizetype extensionsEnd = hello.number(2) + hello.position();
    while (hello.ok() && hello.position() < extensionsEnd) {
        const quint32 type = hello.number(2);
        const quint32 length = hello.number(2);
        if (type != ServerNameExtension) {
            hello.skip(length);
            continue;
        }
        Reader names(bytes, hello.position(), hello.position() + length);
        const qsizetype listEnd = names.number(2) + names.position();
        while (names.ok() && names.position() < listEnd) {
            const quint32 nameType = names.number(1);
            const quint32 nameLength = names.number(2);
            const qsizetype start = names.position();
            names.skip(nameLength);
            if (names.ok() && nameType == HostNameType)
                return QString::fromLatin1(bytes.mid(start, nameLength));
        }
        return {};
    }
    return {};
}
