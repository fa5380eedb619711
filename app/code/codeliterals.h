#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Bytes and text as literals of the printed programs' languages, every byte that is not
// printable ASCII escaped.
namespace CodeLiterals {

// The bytes split after each line feed, so a multi-line greeting reads line by line; one empty
// part for no bytes.
QList<QByteArray> lines(const QByteArray &bytes);

// One Python bytes literal: b'Hi\r\n\x00\xc3\xa9'
QString pythonBytesLine(const QByteArray &bytes);
// One C++ string literal, split ("\xc3" "a") where a hex escape would swallow the next character.
QString cppStringLine(const QByteArray &bytes);
// A Python str literal: quotes and backslashes escaped, anything else as it is (Python source is
// UTF-8).
QString pythonStringLiteral(const QString &text);

// Each part as a literal of its own, joined by the separator.
QString joinLiteralLines(const QList<QByteArray> &parts, QString (*line)(const QByteArray &),
                         const QString &separator);

// The bytes as literals line by line, side by side on one line.
QString pythonBytesLiteral(const QByteArray &bytes);
QString cppStringLiteral(const QByteArray &bytes);

} // namespace CodeLiterals
