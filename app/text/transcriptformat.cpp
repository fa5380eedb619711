#include "transcriptformat.h"

#include "timeofday.h"

#include <QCoreApplication>
#include <QDateTime>

namespace TranscriptFormat {

namespace {

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(TranscriptFormat)
};

QString byteEscape(quint8 byte)
{
    return QStringLiteral("\\x%1").arg(uint(byte), 2, 16, QLatin1Char('0'));
}

// Characters that are invisible or move text around them: shown by name, never applied, so a
// peer cannot make "evil.exe" read "exe.live" (U+202E) or hide a line break in a line.
bool isHiddenControl(char32_t code)
{
    return (code >= 0x80 && code <= 0x9f)       // C1 controls
        || code == 0x061c                       // Arabic letter mark
        || code == 0x200e || code == 0x200f     // left-to-right and right-to-left marks
        || (code >= 0x202a && code <= 0x202e)   // bidi embeddings and overrides
        || (code >= 0x2066 && code <= 0x2069)   // bidi isolates
        || code == 0x2028 || code == 0x2029     // line and paragraph separators
        || code == 0xfeff;                      // byte order mark, zero-width no-break space
}

bool isContinuation(quint8 byte)
{
    return (byte & 0xc0) == 0x80;
}

// The code point of the well-formed UTF-8 sequence at `at` (Unicode table 3-7: no overlong forms,
// no surrogates, nothing above U+10FFFF) and its length in `length`, or 0 for none.
char32_t decodeUtf8(const QByteArray &data, qsizetype at, int &length)
{
    const auto byte = [&data](qsizetype i) { return quint8(data.at(i)); };
    const quint8 lead = byte(at);
    quint8 low = 0x80; // the range allowed for the second byte
    quint8 high = 0xbf;
    char32_t code = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        code = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        code = lead & 0x0f;
        if (lead == 0xe0)
            low = 0xa0;
        else if (lead == 0xed)
            high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        code = lead & 0x07;
        if (lead == 0xf0)
            low = 0x90;
        else if (lead == 0xf4)
            high = 0x8f;
    } else {
        return 0;
    }
    if (at + length > data.size() || byte(at + 1) < low || byte(at + 1) > high)
        return 0;
    for (int k = 1; k < length; ++k) {
        if (!isContinuation(byte(at + k)))
            return 0;
        code = (code << 6) | (byte(at + k) & 0x3f);
    }
    return code;
}

// Two sentences rather than %n: the English is right without any translation loaded, as the
// headless transcripts and the tests need.
QString countText(const char *one, const char *many, quint64 count)
{
    return count == 1 ? Text::tr(one) : Text::tr(many).arg(count);
}

} // namespace

QString escapedText(const QByteArray &data, bool showLineEndings)
{
    QString text;
    text.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto byte = quint8(data.at(i));
        if (byte == '\\') {
            text += QLatin1String("\\\\");
        } else if (byte == '\t') {
            text += QLatin1String("\\t");
        } else if (byte == '\n') {
            text += showLineEndings ? QLatin1String("\\n\n") : QLatin1String("\n");
        } else if (byte == '\r') {
            if (!showLineEndings && i + 1 < data.size() && data.at(i + 1) == '\n') {
                text += QLatin1Char('\n');
                ++i;
            } else {
                text += QLatin1String("\\r");
            }
        } else if (byte >= 0x20 && byte <= 0x7e) {
            text += QLatin1Char(char(byte));
        } else if (byte < 0x80) {
            text += byteEscape(byte); // C0 controls, ESC among them, and DEL
        } else {
            int length = 0;
            const char32_t code = decodeUtf8(data, i, length);
            if (code == 0) {
                text += byteEscape(byte); // one invalid byte; what follows is looked at afresh
            } else {
                if (isHiddenControl(code))
                    text += QLatin1String("\\u{")
                        + QStringLiteral("%1").arg(uint(code), 4, 16, QLatin1Char('0')).toUpper() + QLatin1Char('}');
                else
                    text += QStringView(QChar::fromUcs4(code));
                i += length - 1;
            }
        }
    }
    return text;
}

QString hexDump(const QByteArray &data, quint64 startOffset)
{
    static constexpr qsizetype BytesPerLine = 16;
    QString text;
    text.reserve((data.size() / BytesPerLine + 1) * 80);
    for (qsizetype line = 0; line < data.size(); line += BytesPerLine) {
        text += QStringLiteral("%1  ").arg(startOffset + quint64(line), 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype k = 0; k < BytesPerLine; ++k) {
            if (line + k < data.size()) {
                const auto byte = quint8(data.at(line + k));
                text += QStringLiteral("%1 ").arg(uint(byte), 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte <= 0x7e ? QLatin1Char(char(byte)) : QLatin1Char('.');
            } else {
                text += QLatin1String("   "); // keeps the ASCII column aligned on the last line
            }
            if (k == 7)
                text += QLatin1Char(' ');
        }
        text += QLatin1String(" |") + ascii + QLatin1String("|\n");
    }
    return text;
}

QString chunkHeader(const TranscriptChunk &chunk)
{
    const QString time = TimeOfDay::format(chunk.timestampMs);
    const auto size = quint64(chunk.data.size());
    const QString what = chunk.direction == TranscriptChunk::Direction::Received
        ? countText(QT_TRANSLATE_NOOP("TranscriptFormat", "\u2190 received 1 byte"),
                    QT_TRANSLATE_NOOP("TranscriptFormat", "\u2190 received %1 bytes"), size)
        : countText(QT_TRANSLATE_NOOP("TranscriptFormat", "\u2192 sent 1 byte"),
                    QT_TRANSLATE_NOOP("TranscriptFormat", "\u2192 sent %1 bytes"), size);
    QString header = time + QLatin1String("  ") + what;
    if (chunk.relayed) {
        // Forward mode: which way the relay passed the bytes.
        header += QLatin1Char(' ')
            + (chunk.direction == TranscriptChunk::Direction::Received
                   ? QCoreApplication::translate("TranscriptFormat", "(client \u2192 upstream)")
                   : QCoreApplication::translate("TranscriptFormat", "(upstream \u2192 client)"));
    }
    if (chunk.rule > 0)
        header += QLatin1String("  ") + QCoreApplication::translate("TranscriptFormat", "(rule %1)").arg(chunk.rule);
    return header;
}

QString listing(const QList<TranscriptChunk> &chunks, ListingMode mode, bool showLineEndings,
                quint64 droppedBytes)
{
    QString text;
    if (droppedBytes > 0) {
        // Which direction the dropped bytes went is not known, so hex offsets cannot include them.
        text += mode == ListingMode::Hex
            ? countText(QT_TRANSLATE_NOOP("TranscriptFormat",
                                          "(1 earlier byte not kept; offsets count from the first byte kept)"),
                        QT_TRANSLATE_NOOP("TranscriptFormat",
                                          "(%1 earlier bytes not kept; offsets count from the first byte kept)"),
                        droppedBytes)
            : countText(QT_TRANSLATE_NOOP("TranscriptFormat", "(1 earlier byte not kept)"),
                        QT_TRANSLATE_NOOP("TranscriptFormat", "(%1 earlier bytes not kept)"), droppedBytes);
        text += QLatin1String("\n\n");
    }
    quint64 receivedOffset = 0;
    quint64 sentOffset = 0;
    for (const TranscriptChunk &chunk : chunks) {
        text += chunkHeader(chunk) + QLatin1Char('\n');
        if (mode == ListingMode::Hex) {
            quint64 &offset = chunk.direction == TranscriptChunk::Direction::Received ? receivedOffset : sentOffset;
            text += hexDump(chunk.data, offset);
            offset += quint64(chunk.data.size());
        } else {
            const QString body = escapedText(chunk.data, showLineEndings);
            text += body;
            if (!body.isEmpty() && !body.endsWith(QLatin1Char('\n')))
                text += QLatin1Char('\n');
        }
        text += QLatin1Char('\n');
    }
    return text;
}

QByteArray rawBytes(const QList<TranscriptChunk> &chunks, TranscriptChunk::Direction direction)
{
    QByteArray bytes;
    for (const TranscriptChunk &chunk : chunks) {
        if (chunk.direction == direction)
            bytes += chunk.data;
    }
    return bytes;
}

} // namespace TranscriptFormat
