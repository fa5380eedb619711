// HexParser: bytes typed as hex for sending, and the format the send history shows them in.

#include "hexparser.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QtTest>

class TestHexParser : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void errors_data();
    void errors();
    void defaultResultIsOk();
    void format_data();
    void format();
    void roundTripEveryByte();
    void roundTripEveryByteAlone();
};

void TestHexParser::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray hello("Hello");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("only separators") << QStringLiteral(" ,: \t\r\n,,") << QByteArray();
    QTest::newRow("spaced") << QStringLiteral("48 65 6c 6c 6f") << hello;
    QTest::newRow("run together") << QStringLiteral("48656c6c6f") << hello;
    QTest::newRow("0x prefixes") << QStringLiteral("0x48 0x65 0x6c 0x6c 0x6f") << hello;
    QTest::newRow("0X prefixes") << QStringLiteral("0X48 0X65") << QByteArray("He");
    QTest::newRow("0x with commas") << QStringLiteral("0x48,0x65") << QByteArray("He");
    QTest::newRow("0x with comma and space") << QStringLiteral("0x48, 0x65") << QByteArray("He");
    QTest::newRow("colons") << QStringLiteral("48:65:6c:6c:6f") << hello;
    QTest::newRow("0x before a run") << QStringLiteral("0x48656c 6c6f") << hello;
    QTest::newRow("mixed case") << QStringLiteral("aB Cd eF 0XfF") << QByteArray("\xab\xcd\xef\xff");
    QTest::newRow("outer separators") << QStringLiteral("  48 65\n") << QByteArray("He");
    QTest::newRow("repeated separators") << QStringLiteral("48,, ::\t65") << QByteArray("He");
    QTest::newRow("tabs and line breaks") << QStringLiteral("48\t65\r\n6c") << QByteArray("Hel");
    QTest::newRow("no-break space") << QStringLiteral("48\u00a065") << QByteArray("He");
    QTest::newRow("zero byte") << QStringLiteral("00") << QByteArray(1, '\0');
    QTest::newRow("zeros with prefix") << QStringLiteral("0x0000") << QByteArray(2, '\0');
}

void TestHexParser::accepted()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);

    const HexParser::Result result = HexParser::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.error, QString());
    QCOMPARE(result.errorPosition, -1);
    QCOMPARE(result.bytes, expected);
}

void TestHexParser::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("position");

    QTest::newRow("not a hex digit") << QStringLiteral("48 65 6g")
                                     << QStringLiteral("Not a hex digit: \"g\" at position 8") << 8;
    QTest::newRow("invalid first") << QStringLiteral("zz") << QStringLiteral("Not a hex digit: \"z\" at position 1")
                                   << 1;
    QTest::newRow("x inside a token") << QStringLiteral("480x65")
                                      << QStringLiteral("Not a hex digit: \"x\" at position 4") << 4;
    QTest::newRow("two prefixes") << QStringLiteral("0x0x48") << QStringLiteral("Not a hex digit: \"x\" at position 4")
                                  << 4;
    QTest::newRow("semicolon is no separator") << QStringLiteral("48;65")
                                               << QStringLiteral("Not a hex digit: \";\" at position 3") << 3;
    QTest::newRow("dash is no separator") << QStringLiteral("48-65")
                                          << QStringLiteral("Not a hex digit: \"-\" at position 3") << 3;
    QTest::newRow("fullwidth digit") << QStringLiteral("48 \uff14\uff18")
                                     << QStringLiteral("Not a hex digit: \"\uff14\" at position 4") << 4;
    QTest::newRow("control character by code") << QStringLiteral("48\u000165")
                                               << QStringLiteral("Not a hex digit: U+0001 at position 3") << 3;
    QTest::newRow("bidi override by code") << QStringLiteral("48\u202e65")
                                           << QStringLiteral("Not a hex digit: U+202E at position 3") << 3;
    QTest::newRow("byte order mark by code") << QStringLiteral("\ufeff48")
                                             << QStringLiteral("Not a hex digit: U+FEFF at position 1") << 1;
    QTest::newRow("emoji is one character") << QStringLiteral("48 \U0001F600")
                                            << QStringLiteral("Not a hex digit: \"\U0001F600\" at position 4") << 4;
    QTest::newRow("0x alone") << QStringLiteral("48 0x") << QStringLiteral("No hex digits after \"0x\" at position 4")
                              << 4;
    QTest::newRow("0X alone") << QStringLiteral("0X, 48") << QStringLiteral("No hex digits after \"0x\" at position 1")
                              << 1;
    QTest::newRow("single digit") << QStringLiteral("4")
                                  << QStringLiteral("Incomplete byte: \"4\" at position 1 has an odd number of hex "
                                                    "digits; each byte needs two")
                                  << 1;
    QTest::newRow("separator splits a byte") << QStringLiteral("4 8")
                                             << QStringLiteral("Incomplete byte: \"4\" at position 1 has an odd "
                                                               "number of hex digits; each byte needs two")
                                             << 1;
    QTest::newRow("odd run") << QStringLiteral("48 656")
                             << QStringLiteral("Incomplete byte: \"656\" at position 4 has an odd number of hex "
                                               "digits; each byte needs two")
                             << 4;
    QTest::newRow("odd after prefix, position of first digit")
        << QStringLiteral("  0x123")
        << QStringLiteral("Incomplete byte: \"123\" at position 5 has an odd number of hex digits; each byte needs "
                          "two")
        << 5;
    QTest::newRow("long odd run is shortened")
        << QStringLiteral("00 0123456789abcdef0")
        << QStringLiteral("Incomplete byte: \"0123456789abcdef\u2026\" at position 4 has an odd number of hex "
                          "digits; each byte needs two")
        << 4;
    QTest::newRow("leftmost error wins") << QStringLiteral("4 zz")
                                         << QStringLiteral("Incomplete byte: \"4\" at position 1 has an odd number "
                                                           "of hex digits; each byte needs two")
                                         << 1;
    QTest::newRow("bad digit before odd count") << QStringLiteral("12 4g5")
                                                << QStringLiteral("Not a hex digit: \"g\" at position 5") << 5;
}

void TestHexParser::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QFETCH(int, position);

    const HexParser::Result result = HexParser::parse(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.errorPosition, position);
    // Nothing half-parsed is handed back to be sent.
    QCOMPARE(result.bytes, QByteArray());
}

void TestHexParser::defaultResultIsOk()
{
    const HexParser::Result result;
    QVERIFY(result.ok());
    QCOMPARE(result.errorPosition, -1);
    QVERIFY(result.bytes.isEmpty());
}

void TestHexParser::format_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("one byte") << QByteArray("\n") << QStringLiteral("0a");
    QTest::newRow("hello") << QByteArray("Hello") << QStringLiteral("48 65 6c 6c 6f");
    QTest::newRow("zero and high bytes") << QByteArray("\x00\xff\xAB", 3) << QStringLiteral("00 ff ab");
}

void TestHexParser::format()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);

    QCOMPARE(HexParser::format(bytes), expected);
}

void TestHexParser::roundTripEveryByte()
{
    QByteArray all;
    for (int value = 0; value < 256; ++value)
        all.append(char(value));

    const QString text = HexParser::format(all);
    QCOMPARE(text.size(), 256 * 3 - 1);
    QCOMPARE(text, text.toLower());
    const HexParser::Result result = HexParser::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, all);

    // Upper case and the other separators read back the same.
    QCOMPARE(HexParser::parse(text.toUpper()).bytes, all);
    QString colons = text;
    colons.replace(QLatin1Char(' '), QLatin1Char(':'));
    QCOMPARE(HexParser::parse(colons).bytes, all);
    QString packed = text;
    packed.remove(QLatin1Char(' '));
    QCOMPARE(HexParser::parse(packed).bytes, all);
}

void TestHexParser::roundTripEveryByteAlone()
{
    for (int value = 0; value < 256; ++value) {
        const QByteArray one(1, char(value));
        const QString text = HexParser::format(one);
        QCOMPARE(text, QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0')));
        QCOMPARE(HexParser::parse(text).bytes, one);
        QCOMPARE(HexParser::parse(QStringLiteral("0x") + text).bytes, one);
    }
}

QTEST_GUILESS_MAIN(TestHexParser)
#include "tst_hexparser.moc"
