// Response rules: the --rule text, the checks that name what is wrong and where, and what each
// kind of match answers, read by read and line by line.
#include "responserule.h"
#include "responserulejson.h"
#include "rulematcher.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QtTest>

namespace {

ResponseRule rule(ResponseRule::Match match, const QString &pattern, const QString &reply)
{
    ResponseRule made;
    made.match = match;
    made.pattern = pattern;
    made.reply = reply;
    return made;
}

} // namespace

class TestResponseRules final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void badRules_data();
    void badRules();
    void matchesAndReplies_data();
    void matchesAndReplies();
    void firstMatchWinsAndDisabledRulesSleep();
    void linesAcrossReads();
    void customDelimiterAndChunkRulesTogether();
    void overlongLineIsMatchedAsItStands();
    void jsonRoundTrip();
    void badJson_data();
    void badJson();
};

void TestResponseRules::parse_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("match");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("reply");
    QTest::newRow("contains") << QStringLiteral("PING=>PONG\\r\\n") << int(ResponseRule::Match::Contains)
                              << QStringLiteral("PING") << QStringLiteral("PONG\\r\\n");
    QTest::newRow("regex") << QStringLiteral("re:^GET (\\S+)=>HTTP/1.0 200 OK\\r\\n\\r\\npath=\\1")
                           << int(ResponseRule::Match::Regex) << QStringLiteral("^GET (\\S+)")
                           << QStringLiteral("HTTP/1.0 200 OK\\r\\n\\r\\npath=\\1");
    QTest::newRow("hex") << QStringLiteral("hex:de ad=>ok") << int(ResponseRule::Match::Hex) << QStringLiteral("de ad")
                         << QStringLiteral("ok");
    QTest::newRow("arrow in the reply") << QStringLiteral("a=>b=>c") << int(ResponseRule::Match::Contains)
                                        << QStringLiteral("a") << QStringLiteral("b=>c");
    QTest::newRow("empty reply") << QStringLiteral("quiet=>") << int(ResponseRule::Match::Contains)
                                 << QStringLiteral("quiet") << QString();
}

void TestResponseRules::parse()
{
    QFETCH(QString, spec);
    QFETCH(int, match);
    QFETCH(QString, pattern);
    QFETCH(QString, reply);
    QString error;
    const std::optional<ResponseRule> parsed = ResponseRule::parse(spec, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(int(parsed->match), match);
    QCOMPARE(parsed->pattern, pattern);
    QCOMPARE(parsed->reply, reply);
    QVERIFY(parsed->enabled);
    QCOMPARE(parsed->scope, ResponseRule::Scope::Chunk);
    QCOMPARE(parsed->then, ResponseRule::Then::KeepOpen);
}

void TestResponseRules::badRules_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no arrow") << QStringLiteral("PING") << QStringLiteral("no \"=>\"");
    QTest::newRow("empty match") << QStringLiteral("=>x") << QStringLiteral("the match is empty");
    QTest::newRow("bad regex") << QStringLiteral("re:a(b=>x") << QStringLiteral("at position 4");
    QTest::newRow("bad hex") << QStringLiteral("hex:zz=>x") << QStringLiteral("at position 1");
    QTest::newRow("odd hex") << QStringLiteral("hex:abc=>x") << QStringLiteral("match:");
    QTest::newRow("bad escape in the match") << QStringLiteral("a\\q=>x") << QStringLiteral("position 2");
    QTest::newRow("capture without a regex") << QStringLiteral("GET=>\\1") << QStringLiteral("needs a re: match");
    QTest::newRow("capture past the groups") << QStringLiteral("re:(a)=>\\2") << QStringLiteral("has 1 group");
    QTest::newRow("bad escape in the reply") << QStringLiteral("a=>b\\q") << QStringLiteral("position 2");
}

void TestResponseRules::badRules()
{
    QFETCH(QString, spec);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!ResponseRule::parse(spec, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestResponseRules::matchesAndReplies_data()
{
    QTest::addColumn<ResponseRule>("rule");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<QByteArray>("reply");
    const ResponseRule contains = rule(ResponseRule::Match::Contains, QStringLiteral("PING"), QStringLiteral("PONG\\r\\n"));
    QTest::newRow("contains") << contains << QByteArray("xxPINGyy") << true << QByteArray("PONG\r\n");
    QTest::newRow("contains, no") << contains << QByteArray("PIN") << false << QByteArray();
    const ResponseRule starts = rule(ResponseRule::Match::StartsWith, QStringLiteral("\\x01A"), QStringLiteral("\\0"));
    QTest::newRow("starts with an escape") << starts << QByteArray("\x01" "AB") << true << QByteArray("\0", 1);
    QTest::newRow("starts with, later") << starts << QByteArray("B\x01" "A") << false << QByteArray();
    const ResponseRule regex = rule(ResponseRule::Match::Regex, QStringLiteral("^GET (\\S+) HTTP/(1\\.\\d)"),
                                    QStringLiteral("HTTP/\\2 200 OK\\r\\n\\r\\npath=\\1 \\\\1"));
    QTest::newRow("regex captures") << regex << QByteArray("GET /a/b HTTP/1.1\r\n") << true
                                    << QByteArray("HTTP/1.1 200 OK\r\n\r\npath=/a/b \\1");
    QTest::newRow("regex, no") << regex << QByteArray("POST / HTTP/1.1") << false << QByteArray();
    const ResponseRule binary = rule(ResponseRule::Match::Regex, QStringLiteral("\\xff(.)"), QStringLiteral("\\1\\1"));
    QTest::newRow("regex over bytes") << binary << QByteArray("\x00\xff\x80", 3) << true << QByteArray("\x80\x80");
    ResponseRule hex = rule(ResponseRule::Match::Hex, QStringLiteral("de ad be ef"), QStringLiteral("ca fe"));
    hex.replyHex = true;
    QTest::newRow("hex both ways") << hex << QByteArray("\x00\xde\xad\xbe\xef\x01", 6) << true << QByteArray("\xca\xfe");
}

void TestResponseRules::matchesAndReplies()
{
    QFETCH(ResponseRule, rule);
    QFETCH(QByteArray, input);
    QFETCH(bool, matches);
    QFETCH(QByteArray, reply);
    QVERIFY2(rule.check().isEmpty(), qPrintable(rule.check()));
    const std::optional<QByteArray> answered = rule.respond(input);
    QCOMPARE(answered.has_value(), matches);
    if (matches)
        QCOMPARE(*answered, reply);
}

void TestResponseRules::firstMatchWinsAndDisabledRulesSleep()
{
    ResponseRule off = rule(ResponseRule::Match::Contains, QStringLiteral("A"), QStringLiteral("off"));
    off.enabled = false;
    const ResponseRule first = rule(ResponseRule::Match::Contains, QStringLiteral("A"), QStringLiteral("first"));
    ResponseRule second = rule(ResponseRule::Match::Contains, QStringLiteral("A"), QStringLiteral("second"));
    second.then = ResponseRule::Then::Reset;
    ResponseRule broken = rule(ResponseRule::Match::Regex, QStringLiteral("("), QStringLiteral("never"));
    QList<ResponseRule> rules{off, broken, first, second};
    // More than five rules: there is no limit.
    for (int i = 0; i < 20; ++i)
        rules.append(rule(ResponseRule::Match::Contains, QStringLiteral("N%1;").arg(i), QStringLiteral("n%1").arg(i)));
    RuleMatcher matcher(rules);
    QList<RuleMatcher::Response> responses = matcher.feed("xAx");
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.constFirst().rule, 2);
    QCOMPARE(responses.constFirst().reply, QByteArray("first"));
    responses = matcher.feed("N19;");
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.constFirst().rule, 23);
    QCOMPARE(responses.constFirst().reply, QByteArray("n19"));
    QVERIFY(matcher.feed("nothing").isEmpty());
}

void TestResponseRules::linesAcrossReads()
{
    ResponseRule line = rule(ResponseRule::Match::Regex, QStringLiteral("^HELLO (\\w+)$"), QStringLiteral("hi \\1\\n"));
    line.scope = ResponseRule::Scope::Line;
    line.delayMs = 250;
    line.then = ResponseRule::Then::Close;
    RuleMatcher matcher({line});
    QVERIFY(matcher.feed("HEL").isEmpty());
    QVERIFY(matcher.feed("LO bob").isEmpty());
    QList<RuleMatcher::Response> responses = matcher.feed("\nHELLO amy\nHELLO ");
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).reply, QByteArray("hi bob\n"));
    QCOMPARE(responses.at(1).reply, QByteArray("hi amy\n"));
    QCOMPARE(responses.at(0).delayMs, 250);
    QCOMPARE(responses.at(0).then, ResponseRule::Then::Close);
    responses = matcher.feed("joe\n");
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.constFirst().reply, QByteArray("hi joe\n"));
}

void TestResponseRules::customDelimiterAndChunkRulesTogether()
{
    ResponseRule crlf = rule(ResponseRule::Match::Contains, QStringLiteral("QUIT"), QStringLiteral("BYE\\r\\n"));
    crlf.scope = ResponseRule::Scope::Line;
    crlf.delimiter = QStringLiteral("\\r\\n");
    ResponseRule semicolon = rule(ResponseRule::Match::Contains, QStringLiteral("x"), QStringLiteral("[x]"));
    semicolon.scope = ResponseRule::Scope::Line;
    semicolon.delimiter = QStringLiteral(";");
    const ResponseRule chunk = rule(ResponseRule::Match::Contains, QStringLiteral("QUIT"), QStringLiteral("chunk"));
    RuleMatcher matcher({crlf, semicolon, chunk});
    const QList<RuleMatcher::Response> responses = matcher.feed("ax;QUIT now\r\n");
    QCOMPARE(responses.size(), 3);
    QCOMPARE(responses.at(0).reply, QByteArray("chunk")); // the read itself first
    QCOMPARE(responses.at(1).reply, QByteArray("BYE\r\n"));
    QCOMPARE(responses.at(2).reply, QByteArray("[x]"));
}

void TestResponseRules::overlongLineIsMatchedAsItStands()
{
    ResponseRule line = rule(ResponseRule::Match::StartsWith, QStringLiteral("A"), QStringLiteral("long"));
    line.scope = ResponseRule::Scope::Line;
    RuleMatcher matcher({line});
    const QByteArray big(ResponseRule::MaxLineBytes + 10, 'A');
    QCOMPARE(matcher.feed(big).size(), 1);
    // The next line starts after it.
    const QList<RuleMatcher::Response> responses = matcher.feed("B\nA\n");
    QCOMPARE(responses.size(), 1);
}

void TestResponseRules::jsonRoundTrip()
{
    ResponseRule get = rule(ResponseRule::Match::Regex, QStringLiteral("^GET (\\S+)"), QStringLiteral("path=\\1"));
    get.scope = ResponseRule::Scope::Line;
    get.delimiter = QStringLiteral("\\r\\n");
    get.delayMs = 250;
    get.then = ResponseRule::Then::Close;
    ResponseRule hex = rule(ResponseRule::Match::Hex, QStringLiteral("de ad"), QStringLiteral("be ef"));
    hex.replyHex = true;
    hex.enabled = false;
    hex.then = ResponseRule::Then::Reset;
    const QList<ResponseRule> rules{get, hex, rule(ResponseRule::Match::StartsWith, QStringLiteral("A"), {})};

    const QByteArray text = QJsonDocument(ResponseRuleJson::listToJson(rules)).toJson();
    QString error;
    const auto back = ResponseRuleJson::listFromJson(QJsonDocument::fromJson(text).array(), QStringLiteral("rules"),
                                                     &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, rules);
    // Keys left out keep the defaults.
    const auto minimal = ResponseRuleJson::fromJson(QJsonObject{{QStringLiteral("pattern"), QStringLiteral("x")}},
                                                    QStringLiteral("r"), &error);
    QVERIFY(minimal.has_value());
    QCOMPARE(minimal->match, ResponseRule::Match::Contains);
    QVERIFY(minimal->enabled);
}

void TestResponseRules::badJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not a list") << QByteArray(R"({"pattern": "x"})") << QStringLiteral("rules: not a list");
    QTest::newRow("not an object") << QByteArray(R"([1])") << QStringLiteral("rules[1]: not an object");
    QTest::newRow("unknown key") << QByteArray(R"([{"pattern": "x"}, {"patern": "y"}])")
                                 << QStringLiteral("rules[2].patern: unknown key");
    QTest::newRow("bad match") << QByteArray(R"([{"match": "glob", "pattern": "x"}])")
                               << QStringLiteral("rules[1].match: bad value \"glob\"");
    QTest::newRow("bad then") << QByteArray(R"([{"pattern": "x", "then": "explode"}])")
                              << QStringLiteral("rules[1].then: bad value \"explode\"");
    QTest::newRow("negative delay") << QByteArray(R"([{"pattern": "x", "delayMs": -5}])")
                                    << QStringLiteral("rules[1].delayMs: bad value -5");
    QTest::newRow("fractional delay") << QByteArray(R"([{"pattern": "x", "delayMs": 1.5}])")
                                      << QStringLiteral("rules[1].delayMs: bad value 1.5");
    QTest::newRow("enabled as text") << QByteArray(R"([{"pattern": "x", "enabled": "yes"}])")
                                     << QStringLiteral("rules[1].enabled: bad value \"yes\"");
    QTest::newRow("bad regex") << QByteArray(R"([{"match": "regex", "pattern": "(a"}])")
                               << QStringLiteral("rules[1]: ");
    QTest::newRow("bad hex") << QByteArray(R"([{"match": "hex", "pattern": "zz"}])") << QStringLiteral("rules[1]: ");
}

void TestResponseRules::badJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    QString problem;
    const auto rules = ResponseRuleJson::listFromJson(
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), QStringLiteral("rules"),
        &problem);
    QVERIFY(!rules.has_value());
    QVERIFY2(problem.startsWith(error), qPrintable(problem));
    QVERIFY(problem.size() > error.size() || !error.endsWith(QLatin1String(": ")));
}

QTEST_GUILESS_MAIN(TestResponseRules)
#include "tst_responserules.moc"
