#include "codeliterals.h"

#include <QStringList>

namespace {

bool isPrintableAscii(char c)
{
    return c >= 0x20 && c < 0x7f;
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

QString hexEscape(char c)
{
    return QStringLiteral("\\x%1").arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'));
}

} // namespace

namespace CodeLiterals {

QList<QByteArray> lines(const QByteArray &bytes)
{
    QList<QByteArray> result;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        result.append(bytes.mid(start, end - start));
        start = end;
    }
    if (result.isEmpty())
        result.append(QByteArray());
    return result;
}

QString pythonBytesLine(const QByteArray &bytes)
{
    QString text = QStringLiteral("b'");
    for (const char c : bytes) {
        switch (c) {
        case '\\': text += QLatin1String("\\\\"); break;
        case '\'': text += QLatin1String("\\'"); break;
        case '\t': text += QLatin1String("\\t"); break;
        case '\n': text += QLatin1String("\\n"); break;
        case '\r': text += QLatin1String("\\r"); break;
        // \0 would read the digits after it as octal, so NUL is always \x00.
        default: text += isPrintableAscii(c) ? QString(QLatin1Char(c)) : hexEscape(c); break;
        }
    }
    return text + QLatin1Char('\'');
}

QString cppStringLine(const QByteArray &bytes)
{
    QString text = QStringLiteral("\"");
    bool hexPending = false; // the last escape was \xHH, which would swallow a following hex digit
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (hexPending && isHexDigit(c))
            text += QLatin1String("\" \"");
        hexPending = false;
        switch (c) {
        case '\\': text += QLatin1String("\\\\"); break;
        case '"': text += QLatin1String("\\\""); break;
        case '\t': text += QLatin1String("\\t"); break;
        case '\n': text += QLatin1String("\\n"); break;
        case '\r': text += QLatin1String("\\r"); break;
        case '\0': {
            // An octal escape takes up to three digits: \0 only when no digit follows.
            const bool digitFollows = i + 1 < bytes.size() && bytes.at(i + 1) >= '0' && bytes.at(i + 1) <= '9';
            text += digitFollows ? QLatin1String("\\000") : QLatin1String("\\0");
            break;
        }
        case '?':
            // "??=" and its kind were trigraphs before C++17.
            text += i > 0 && bytes.at(i - 1) == '?' ? QLatin1String("\\?") : QLatin1String("?");
            break;
        default:
            if (isPrintableAscii(c)) {
                text += QLatin1Char(c);
            } else {
                text += hexEscape(c);
                hexPending = true;
            }
            break;
        }
    }
    return text + QLatin1Char('"');
}

QString pythonStringLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString joinLiteralLines(const QList<QByteArray> &parts, QString (*line)(const QByteArray &), const QString &separator)
{
    QStringList texts;
    for (const QByteArray &part : parts)
        texts.append(line(part));
    return texts.join(separator);
}

QString pythonBytesLiteral(const QByteArray &bytes)
{
    return joinLiteralLines(lines(bytes), &pythonBytesLine, QStringLiteral(" "));
}

QString cppStringLiteral(const QByteArray &bytes)
{
    return joinLiteralLines(lines(bytes), &cppStringLine, QStringLiteral(" "));
}

} // namespace CodeLiterals
