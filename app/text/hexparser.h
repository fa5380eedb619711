#pragma once

#include <QByteArray>
#include <QString>

// Bytes typed as hex, for sending raw data to a peer: "48 65 6c", "48656c", "0x48,0x65", "48:65".
namespace HexParser {

struct Result
{
    QByteArray bytes;
    QString error;          // empty when the text was valid
    int errorPosition = -1; // 1-based character position in the input, -1 when valid

    bool ok() const { return error.isEmpty(); }
};

// Whitespace, commas and colons separate tokens; each token may start with one "0x" or "0X"
// and must hold an even, non-zero number of hex digits, read as consecutive bytes.
// Empty text, or only separators, is valid and gives no bytes.
Result parse(const QString &text);

// "48 65 6c 6c 6f": lowercase pairs with single spaces, which parse() reads back.
QString format(const QByteArray &bytes);

} // namespace HexParser
