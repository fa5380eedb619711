// TranscriptFormat: a peer's bytes as plain text that cannot act as markup, terminal escapes or
// bidi tricks; hex dumps; chunk headers; whole listings and raw exports.

#include "transcriptchunk.h"
#include "transcriptformat.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTime>
#include <QtTest>

using Direction = TranscriptChunk::Direction;

namespace {

// 14:03:27.123 today in local time, so headers read the same in every time zone.
qint64 at(int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(2024, 5, 6), QTime(hour, minute, second, ms)).toMSecsSinceEpoch();
}

TranscriptChunk chunk(Direction direction, const QByteArray &data, qint64 timestampMs = at(14, 3, 27, 123))
{
    TranscriptChunk result;
    result.timestampMs = timestampMs;
    result.direction = direction;
    result.data = data;
    return result;
}

// A character that must never come out raw: C0 (but the line break), DEL, C1, bidi and the like.
bool isUnsafe(char32_t code)
{
    return (code < 0x20 && code != '\n') || (code >= 0x7f && code <= 0x9f) || code == 0x061c || code == 0x200e
        || code == 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
        || code == 0x2028 || code == 0x2029 || code == 0xfeff;
}

bool isSafe(const QString &text)
{
    const QList<uint> codes = text.toUcs4();
    for (const uint code : codes) {
        if (isUnsafe(char32_t(code)))
            return false;
    }
    return true;
}

} // namespace

class TestTranscriptFormat : public QObject
{
    Q_OBJECT

private slots:
    void escapedText_data();
    void escapedText();
    void everyByteAndPairIsSafe();
    void hiddenControlsAreNamed();
    void hexDump_data();
    void hexDump();
    void chunkHeader_data();
    void chunkHeader();
    void relayedChunkHeader();
    void listingText();
    void listingTextWithLineEndings();
    void listingHexOffsetsPerDirection();
    void listingDropped_data();
    void listingDropped();
    void rawBytes();
};

void TestTranscriptFormat::escapedText_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("showLineEndings");
    QTest::addColumn<QString>("expected");

    for (const bool show : {false, true}) {
        const char *mode = show ? "shown" : "hidden";
        const auto row = [mode](const char *name) -> QTestData & {
            return QTest::addRow("%s, line ends %s", name, mode);
        };
        row("empty") << QByteArray() << show << QString();
        row("plain") << QByteArray("hello, world") << show << QStringLiteral("hello, world");
        row("bold markup kept as text") << QByteArray("<b>x</b>") << show << QStringLiteral("<b>x</b>");
        row("img markup kept as text") << QByteArray("<img src=x>") << show << QStringLiteral("<img src=x>");
        row("entity kept as text") << QByteArray("&lt;") << show << QStringLiteral("&lt;");
        row("backslash") << QByteArray("a\\b") << show << QStringLiteral("a\\\\b");
        row("escape lookalike") << QByteArray("\\x1b") << show << QStringLiteral("\\\\x1b");
        row("tab") << QByteArray("a\tb") << show << QStringLiteral("a\\tb");
        row("ESC") << QByteArray("\x1b[31mred\x1b[0m") << show << QStringLiteral("\\x1b[31mred\\x1b[0m");
        row("NUL") << QByteArray("a\0b", 3) << show << QStringLiteral("a\\x00b");
        row("BEL and backspace") << QByteArray("\a\b") << show << QStringLiteral("\\x07\\x08");
        row("DEL") << QByteArray("\x7f") << show << QStringLiteral("\\x7f");
        row("lone CR") << QByteArray("a\rb") << show << QStringLiteral("a\\rb");
        row("CR at the end") << QByteArray("a\r") << show << QStringLiteral("a\\r");
        row("UTF-8 characters") << QStringLiteral("h\u00e9llo \u2713").toUtf8() << show
                                << QStringLiteral("h\u00e9llo \u2713");
        row("4-byte UTF-8") << QStringLiteral("\U0001F600!").toUtf8() << show << QStringLiteral("\U0001F600!");
        row("invalid UTF-8") << QByteArray("\xff\xfe") << show << QStringLiteral("\\xff\\xfe");
        row("lone continuation byte") << QByteArray("a\x80z") << show << QStringLiteral("a\\x80z");
        row("truncated sequence") << QByteArray("\xe2\x9c" "a") << show << QStringLiteral("\\xe2\\x9ca");
        row("truncated at the end") << QByteArray("ok\xf0\x9f\x98") << show << QStringLiteral("ok\\xf0\\x9f\\x98");
        row("overlong slash") << QByteArray("\xc0\xaf") << show << QStringLiteral("\\xc0\\xaf");
        row("overlong 3-byte") << QByteArray("\xe0\x80\xaf") << show << QStringLiteral("\\xe0\\x80\\xaf");
        row("encoded surrogate") << QByteArray("\xed\xa0\x80") << show << QStringLiteral("\\xed\\xa0\\x80");
        row("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << show << QStringLiteral("\\xf4\\x90\\x80\\x80");
        row("invalid then valid") << QByteArray("\xff\xc3\xa9") << show << QStringLiteral("\\xff\u00e9");
        row("Latin-1 is not UTF-8") << QByteArray("caf\xe9!") << show << QStringLiteral("caf\\xe9!");
        row("bidi override") << QStringLiteral("evil\u202etxt.exe").toUtf8() << show
                             << QStringLiteral("evil\\u{202E}txt.exe");
        row("bidi isolate") << QStringLiteral("a\u2066b\u2069").toUtf8() << show
                            << QStringLiteral("a\\u{2066}b\\u{2069}");
        row("direction marks") << QStringLiteral("\u200e\u200f\u061c").toUtf8() << show
                               << QStringLiteral("\\u{200E}\\u{200F}\\u{061C}");
        row("C1 control NEL") << QByteArray("a\xc2\x85z") << show << QStringLiteral("a\\u{0085}z");
        row("C1 CSI") << QByteArray("\xc2\x9b" "31m") << show << QStringLiteral("\\u{009B}31m");
        row("byte order mark") << QByteArray("\xef\xbb\xbfhi") << show << QStringLiteral("\\u{FEFF}hi");
        row("line and paragraph separators") << QStringLiteral("a\u2028b\u2029c").toUtf8() << show
                                             << QStringLiteral("a\\u{2028}b\\u{2029}c");
    }

    QTest::newRow("CRLF, line ends hidden") << QByteArray("a\r\nb") << false << QStringLiteral("a\nb");
    QTest::newRow("CRLF, line ends shown") << QByteArray("a\r\nb") << true << QStringLiteral("a\\r\\n\nb");
    QTest::newRow("LF, line ends hidden") << QByteArray("a\nb\n") << false << QStringLiteral("a\nb\n");
    QTest::newRow("LF, line ends shown") << QByteArray("a\nb\n") << true << QStringLiteral("a\\n\nb\\n\n");
    QTest::newRow("CR CR LF, line ends hidden") << QByteArray("a\r\r\nb") << false << QStringLiteral("a\\r\nb");
    QTest::newRow("CR CR LF, line ends shown") << QByteArray("a\r\r\nb") << true << QStringLiteral("a\\r\\r\\n\nb");
    QTest::newRow("LF CR, line ends hidden") << QByteArray("a\n\rb") << false << QStringLiteral("a\n\\rb");
    QTest::newRow("blank lines, line ends hidden") << QByteArray("\r\n\r\n") << false << QStringLiteral("\n\n");
}

void TestTranscriptFormat::escapedText()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, showLineEndings);
    QFETCH(QString, expected);

    const QString text = TranscriptFormat::escapedText(data, showLineEndings);
    QCOMPARE(text, expected);
    QVERIFY(isSafe(text));
}

void TestTranscriptFormat::everyByteAndPairIsSafe()
{
    for (int value = 0; value < 256; ++value) {
        const QByteArray one(1, char(value));
        for (const bool show : {false, true}) {
            const QString text = TranscriptFormat::escapedText(one, show);
            QVERIFY2(isSafe(text), qPrintable(QStringLiteral("byte %1").arg(value)));
            if (value >= 0x80) // never a whole UTF-8 character on its own
                QCOMPARE(text, QStringLiteral("\\x%1").arg(value, 2, 16, QLatin1Char('0')));
        }
    }
    for (int first = 0; first < 256; ++first) {
        for (int second = 0; second < 256; ++second) {
            const QByteArray pair = QByteArray(1, char(first)) + char(second);
            if (!isSafe(TranscriptFormat::escapedText(pair, false))
                || !isSafe(TranscriptFormat::escapedText(pair, true)))
                QFAIL(qPrintable(QStringLiteral("bytes %1 %2").arg(first).arg(second)));
        }
    }
}

void TestTranscriptFormat::hiddenControlsAreNamed()
{
    // Every code point the view must not apply, as UTF-8, comes out as \u{XXXX} and nothing else.
    QList<char32_t> codes{0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0xfeff};
    for (char32_t code = 0x80; code <= 0x9f; ++code)
        codes.append(code);
    for (char32_t code = 0x202a; code <= 0x202e; ++code)
        codes.append(code);
    for (char32_t code = 0x2066; code <= 0x2069; ++code)
        codes.append(code);
    for (const char32_t code : std::as_const(codes)) {
        const QByteArray data = QStringView(QChar::fromUcs4(code)).toString().toUtf8();
        const QString name = QStringLiteral("%1").arg(uint(code), 4, 16, QLatin1Char('0')).toUpper();
        QCOMPARE(TranscriptFormat::escapedText(data, false), QLatin1String("\\u{") + name + QLatin1Char('}'));
        QCOMPARE(TranscriptFormat::escapedText(data, true), QLatin1String("\\u{") + name + QLatin1Char('}'));
    }
    // Neighbours of the ranges are ordinary characters.
    for (const char32_t code : {char32_t(0xa0), char32_t(0x2027), char32_t(0x202f), char32_t(0x2065),
                                char32_t(0x206a), char32_t(0xfefe)}) {
        const QString character = QStringView(QChar::fromUcs4(code)).toString();
        QCOMPARE(TranscriptFormat::escapedText(character.toUtf8(), false), character);
    }
}

void TestTranscriptFormat::hexDump_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<quint64>("startOffset");
    QTest::addColumn<QString>("expected");

    // The expected lines are what `hexdump -C` prints for the same bytes.
    const auto series = [](int first, int count, int step) {
        QByteArray bytes;
        for (int i = 0; i < count; ++i)
            bytes.append(char((first + i * step) % 256));
        return bytes;
    };
    const QByteArray fifteen = series(0, 15, 1);
    const QByteArray sixteen = series(0x40, 16, 1);
    const QByteArray seventeen = series(0x70, 17, 1);
    const QByteArray thirtyThree = series(0x30, 33, 7);

    QTest::newRow("0 bytes") << QByteArray() << quint64(0) << QString();
    QTest::newRow("1 byte") << QByteArray("A") << quint64(0)
                            << QStringLiteral("00000000  41                                                |A|\n");
    QTest::newRow("hello") << QByteArray("Hello\n") << quint64(0)
                           << QStringLiteral("00000000  48 65 6c 6c 6f 0a                                 |Hello.|\n");
    QTest::newRow("15 bytes") << fifteen << quint64(0)
                              << QStringLiteral("00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e     "
                                                "|...............|\n");
    QTest::newRow("16 bytes") << sixteen << quint64(0)
                              << QStringLiteral("00000000  40 41 42 43 44 45 46 47  48 49 4a 4b 4c 4d 4e 4f  "
                                                "|@ABCDEFGHIJKLMNO|\n");
    QTest::newRow("17 bytes") << seventeen << quint64(0)
                              << QStringLiteral("00000000  70 71 72 73 74 75 76 77  78 79 7a 7b 7c 7d 7e 7f  "
                                                "|pqrstuvwxyz{|}~.|\n"
                                                "00000010  80                                                |.|\n");
    QTest::newRow("33 bytes") << thirtyThree << quint64(0)
                              << QStringLiteral("00000000  30 37 3e 45 4c 53 5a 61  68 6f 76 7d 84 8b 92 99  "
                                                "|07>ELSZahov}....|\n"
                                                "00000010  a0 a7 ae b5 bc c3 ca d1  d8 df e6 ed f4 fb 02 09  "
                                                "|................|\n"
                                                "00000020  10                                                |.|\n");
    QTest::newRow("start offset") << QByteArray("Hello, world!\r\n<b>") << quint64(0x1234)
                                  << QStringLiteral("00001234  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0d 0a 3c  "
                                                    "|Hello, world!..<|\n"
                                                    "00001244  62 3e                                             "
                                                    "|b>|\n");
    QTest::newRow("offset beyond 32 bits") << QByteArray("\x1b") << quint64(0x100000000)
                                           << QStringLiteral("100000000  1b                                     "
                                                             "           |.|\n");
}

void TestTranscriptFormat::hexDump()
{
    QFETCH(QByteArray, data);
    QFETCH(quint64, startOffset);
    QFETCH(QString, expected);

    const QString dump = TranscriptFormat::hexDump(data, startOffset);
    QCOMPARE(dump, expected);
    QVERIFY(isSafe(dump));
}

void TestTranscriptFormat::chunkHeader_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("expected");

    QTest::newRow("received, plural") << int(Direction::Received) << 27
                                      << QStringLiteral("14:03:27.123  \u2190 received 27 bytes");
    QTest::newRow("received, singular") << int(Direction::Received) << 1
                                        << QStringLiteral("14:03:27.123  \u2190 received 1 byte");
    QTest::newRow("received, none") << int(Direction::Received) << 0
                                    << QStringLiteral("14:03:27.123  \u2190 received 0 bytes");
    QTest::newRow("sent, plural") << int(Direction::Sent) << 5 << QStringLiteral("14:03:27.123  \u2192 sent 5 bytes");
    QTest::newRow("sent, singular") << int(Direction::Sent) << 1 << QStringLiteral("14:03:27.123  \u2192 sent 1 byte");
    QTest::newRow("sent, large") << int(Direction::Sent) << 123456
                                 << QStringLiteral("14:03:27.123  \u2192 sent 123456 bytes");
}

void TestTranscriptFormat::chunkHeader()
{
    QFETCH(int, direction);
    QFETCH(int, size);
    QFETCH(QString, expected);

    QCOMPARE(TranscriptFormat::chunkHeader(chunk(Direction(direction), QByteArray(size, 'x'))), expected);

    // A response rule's reply names the rule.
    TranscriptChunk reply = chunk(Direction(direction), QByteArray(size, 'x'));
    reply.rule = 3;
    QCOMPARE(TranscriptFormat::chunkHeader(reply), expected + QStringLiteral("  (rule 3)"));
}

// Forward mode's chunks say which way the relay passed them.
void TestTranscriptFormat::relayedChunkHeader()
{
    TranscriptChunk up = chunk(Direction::Received, "GET /");
    up.relayed = true;
    QCOMPARE(TranscriptFormat::chunkHeader(up), QStringLiteral("14:03:27.123  \u2190 received 5 bytes (client \u2192 upstream)"));
    TranscriptChunk down = chunk(Direction::Sent, "HTTP/1.0 200 OK\r\n");
    down.relayed = true;
    QCOMPARE(TranscriptFormat::chunkHeader(down), QStringLiteral("14:03:27.123  \u2192 sent 17 bytes (upstream \u2192 client)"));
    // What the server itself sent in Forward mode is not marked.
    QCOMPARE(TranscriptFormat::chunkHeader(chunk(Direction::Sent, "note")), QStringLiteral("14:03:27.123  \u2192 sent 4 bytes"));
}

void TestTranscriptFormat::listingText()
{
    const QList<TranscriptChunk> chunks{
        chunk(Direction::Received, "GET / HTTP/1.0\r\n\r\n", at(9, 5, 1, 7)),
        chunk(Direction::Sent, "<b>hi</b>\x1b", at(9, 5, 1, 20)),
        chunk(Direction::Received, "bye\r", at(23, 59, 59, 999)),
    };
    const QString expected = QStringLiteral("09:05:01.007  \u2190 received 18 bytes\n"
                                            "GET / HTTP/1.0\n"
                                            "\n"
                                            "\n"
                                            "09:05:01.020  \u2192 sent 10 bytes\n"
                                            "<b>hi</b>\\x1b\n"
                                            "\n"
                                            "23:59:59.999  \u2190 received 4 bytes\n"
                                            "bye\\r\n"
                                            "\n");
    QCOMPARE(TranscriptFormat::listing(chunks, TranscriptFormat::ListingMode::Text, false, 0), expected);
    QCOMPARE(TranscriptFormat::listing({}, TranscriptFormat::ListingMode::Text, false, 0), QString());
}

void TestTranscriptFormat::listingTextWithLineEndings()
{
    const QList<TranscriptChunk> chunks{
        chunk(Direction::Received, "a\r\nb", at(10, 0, 0, 0)),
        chunk(Direction::Sent, "ok\n", at(10, 0, 0, 1)),
        chunk(Direction::Sent, QByteArray(), at(10, 0, 0, 2)),
    };
    const QString expected = QStringLiteral("10:00:00.000  \u2190 received 4 bytes\n"
                                            "a\\r\\n\n"
                                            "b\n"
                                            "\n"
                                            "10:00:00.001  \u2192 sent 3 bytes\n"
                                            "ok\\n\n"
                                            "\n"
                                            "10:00:00.002  \u2192 sent 0 bytes\n"
                                            "\n");
    QCOMPARE(TranscriptFormat::listing(chunks, TranscriptFormat::ListingMode::Text, true, 0), expected);
}

void TestTranscriptFormat::listingHexOffsetsPerDirection()
{
    const QList<TranscriptChunk> chunks{
        chunk(Direction::Received, "abc", at(8, 0, 0, 0)),
        chunk(Direction::Sent, "OK", at(8, 0, 0, 1)),
        chunk(Direction::Received, "0123456789abcdefg", at(8, 0, 0, 2)),
        chunk(Direction::Sent, "!", at(8, 0, 0, 3)),
    };
    const QString expected = QStringLiteral(
        "08:00:00.000  \u2190 received 3 bytes\n"
        "00000000  61 62 63                                          |abc|\n"
        "\n"
        "08:00:00.001  \u2192 sent 2 bytes\n"
        "00000000  4f 4b                                             |OK|\n"
        "\n"
        "08:00:00.002  \u2190 received 17 bytes\n"
        "00000003  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
        "00000013  67                                                |g|\n"
        "\n"
        "08:00:00.003  \u2192 sent 1 byte\n"
        "00000002  21                                                |!|\n"
        "\n");
    QCOMPARE(TranscriptFormat::listing(chunks, TranscriptFormat::ListingMode::Hex, false, 0), expected);
    // Line endings are a text-mode choice; hex shows every byte anyway.
    QCOMPARE(TranscriptFormat::listing(chunks, TranscriptFormat::ListingMode::Hex, true, 0), expected);
    QCOMPARE(TranscriptFormat::listing({}, TranscriptFormat::ListingMode::Hex, false, 0), QString());
}

void TestTranscriptFormat::listingDropped_data()
{
    QTest::addColumn<bool>("hex");
    QTest::addColumn<quint64>("dropped");
    QTest::addColumn<QString>("firstLine");

    QTest::newRow("text, many") << false << quint64(12345) << QStringLiteral("(12345 earlier bytes not kept)");
    QTest::newRow("text, one") << false << quint64(1) << QStringLiteral("(1 earlier byte not kept)");
    QTest::newRow("text, beyond 32 bits") << false << quint64(5000000000)
                                          << QStringLiteral("(5000000000 earlier bytes not kept)");
    QTest::newRow("hex, many") << true << quint64(12345)
                               << QStringLiteral("(12345 earlier bytes not kept; offsets count from the first byte "
                                                 "kept)");
    QTest::newRow("hex, one") << true << quint64(1)
                              << QStringLiteral("(1 earlier byte not kept; offsets count from the first byte kept)");
}

void TestTranscriptFormat::listingDropped()
{
    QFETCH(bool, hex);
    QFETCH(quint64, dropped);
    QFETCH(QString, firstLine);

    const QList<TranscriptChunk> chunks{chunk(Direction::Received, "hi", at(12, 0, 0, 0))};
    const QString body = hex ? QStringLiteral("00000000  68 69                                             |hi|\n")
                             : QStringLiteral("hi\n");
    const QString expected = firstLine + QStringLiteral("\n\n12:00:00.000  \u2190 received 2 bytes\n") + body
        + QLatin1Char('\n');
    const auto mode = hex ? TranscriptFormat::ListingMode::Hex : TranscriptFormat::ListingMode::Text;
    QCOMPARE(TranscriptFormat::listing(chunks, mode, false, dropped), expected);

    // Everything may have been dropped: the note stands alone.
    QCOMPARE(TranscriptFormat::listing({}, mode, false, dropped), firstLine + QStringLiteral("\n\n"));
}

void TestTranscriptFormat::rawBytes()
{
    const QByteArray binary("\x00\xff\r\n", 4);
    const QList<TranscriptChunk> chunks{
        chunk(Direction::Received, "GET "),
        chunk(Direction::Sent, "HTTP/1.0 "),
        chunk(Direction::Received, binary),
        chunk(Direction::Sent, "200"),
        chunk(Direction::Received, "/"),
    };
    QCOMPARE(TranscriptFormat::rawBytes(chunks, Direction::Received), QByteArray("GET ") + binary + "/");
    QCOMPARE(TranscriptFormat::rawBytes(chunks, Direction::Sent), QByteArray("HTTP/1.0 200"));
    QCOMPARE(TranscriptFormat::rawBytes({}, Direction::Received), QByteArray());
    QCOMPARE(TranscriptFormat::rawBytes({chunk(Direction::Sent, "x")}, Direction::Received), QByteArray());
}

QTEST_GUILESS_MAIN(TestTranscriptFormat)
#include "tst_transcriptformat.moc"
