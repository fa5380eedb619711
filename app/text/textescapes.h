#pragma once

#include <QByteArray>
#include <QString>

// C-style escapes in one-line fields such as the greeting: \r \n \t \0 \\ and \xHH.
namespace TextEscapes {

// UTF-8 bytes of the text with the escapes replaced; an unknown escape is kept as typed.
QByteArray unescape(const QString &text);
// Why the text's escapes are not all ones unescape() knows, naming the first bad one and its
// position (from 1); empty when they are.
QString check(const QString &text);

} // namespace TextEscapes
