#pragma once

#include "transcriptchunk.h"

#include <QByteArray>
#include <QList>
#include <QString>

// A peer's bytes as plain text that is safe to show anywhere: nothing in the result can be taken
// for markup by a label, for an escape sequence by a terminal, or reorder text around it.
namespace TranscriptFormat {

// Printable ASCII as is (a backslash as \\), tab as \t, other control bytes and invalid UTF-8 as
// \xHH, valid UTF-8 as its characters except invisible controls (C1, bidi, BOM, line and
// paragraph separators), which become \u{XXXX}. With showLineEndings, CR and LF are shown as \r
// and \n, the \n followed by a real line break; without, "\r\n" and "\n" are line breaks and a
// lone CR is \r.
QString escapedText(const QByteArray &data, bool showLineEndings);

// Lines like `hexdump -C`: offset, 16 bytes in hex, then the printable ASCII between bars.
// Every line ends with '\n'; no bytes give an empty string.
QString hexDump(const QByteArray &data, quint64 startOffset = 0);

// "14:03:27.123  ← received 27 bytes" or "14:03:27.130  → sent 1 byte", in local time; a
// response rule's reply ends with "(rule 2)".
QString chunkHeader(const TranscriptChunk &chunk);

enum class ListingMode {
    Text,
    Hex,
};

// A whole transcript as plain text, for display and export: a note on dropped bytes, then each
// chunk's header, its body and a blank line. Hex offsets count each direction from 0.
QString listing(const QList<TranscriptChunk> &chunks, ListingMode mode, bool showLineEndings,
                quint64 droppedBytes);

// One direction's bytes, in order, exactly as they crossed the socket.
QByteArray rawBytes(const QList<TranscriptChunk> &chunks, TranscriptChunk::Direction direction);

} // namespace TranscriptFormat
