// The access lists' parser and matching: what a user types, and which peers each list lets in.
#include "accesslist.h"

#include <QtTest>

class TestAccessList final : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidLists_data();
    void parsesValidLists();
    void refusesInvalidEntries_data();
    void refusesInvalidEntries();
    void matchesPrefixBoundaries_data();
    void matchesPrefixBoundaries();
    void denyWinsOverAllow();
    void emptyAllowListAllowsEveryone();
    void unreadableListsFailClosed();
    void roundTripsThroughText();
};

void TestAccessList::parsesValidLists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("blank") << QStringLiteral("  ,\n ") << QString();
    QTest::newRow("ipv4 network") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.0.0.0/8");
    QTest::newRow("bare ipv4") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1/32");
    QTest::newRow("bare ipv6") << QStringLiteral("::1") << QStringLiteral("::1/128");
    QTest::newRow("ipv6 network") << QStringLiteral("fd00::/8") << QStringLiteral("fd00::/8");
    QTest::newRow("everything") << QStringLiteral("0.0.0.0/0") << QStringLiteral("0.0.0.0/0");
    QTest::newRow("mixed separators")
        << QStringLiteral("10.0.0.0/8, 192.168.1.0/24\n::1/128  172.16.0.0/12")
        << QStringLiteral("10.0.0.0/8, 192.168.1.0/24, ::1/128, 172.16.0.0/12");
    QTest::newRow("duplicates once") << QStringLiteral("127.0.0.1 127.0.0.1/32") << QStringLiteral("127.0.0.1/32");
    QTest::newRow("mapped rule is ipv4") << QStringLiteral("::ffff:10.0.0.0/104") << QStringLiteral("10.0.0.0/8");
}

void TestAccessList::parsesValidLists()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QString error = QStringLiteral("stale");
    const AccessList list = AccessList::parse(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(list.toString(), canonical);
}

void TestAccessList::refusesInvalidEntries_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named"); // the entry the error must name

    QTest::newRow("word") << QStringLiteral("10.0.0.0/8, localhost") << QStringLiteral("\"localhost\"");
    QTest::newRow("short ipv4") << QStringLiteral("127.1") << QStringLiteral("\"127.1\"");
    QTest::newRow("octet too big") << QStringLiteral("10.0.0.256") << QStringLiteral("\"10.0.0.256\"");
    QTest::newRow("ipv4 prefix 33") << QStringLiteral("10.0.0.0/33") << QStringLiteral("\"10.0.0.0/33\"");
    QTest::newRow("ipv6 prefix 129") << QStringLiteral("::1/129") << QStringLiteral("\"::1/129\"");
    QTest::newRow("negative prefix") << QStringLiteral("10.0.0.0/-1") << QStringLiteral("\"10.0.0.0/-1\"");
    QTest::newRow("empty prefix") << QStringLiteral("10.0.0.0/") << QStringLiteral("\"10.0.0.0/\"");
    QTest::newRow("bad ipv6") << QStringLiteral("::1::2") << QStringLiteral("\"::1::2\"");
    QTest::newRow("scope id") << QStringLiteral("fe80::1%eth0") << QStringLiteral("\"fe80::1%eth0\"");
    QTest::newRow("host bits") << QStringLiteral("10.0.0.1/8") << QStringLiteral("10.0.0.0/8");
    QTest::newRow("placeholders stay literal") << QStringLiteral("%2/%1") << QStringLiteral("\"%2/%1\"");
}

void TestAccessList::refusesInvalidEntries()
{
    QFETCH(QString, text);
    QFETCH(QString, named);
    QString error;
    const AccessList list = AccessList::parse(text, &error);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(named), qPrintable(error));
    // Nothing of a list with a bad entry is applied, not even its good entries, and the list is
    // not mistaken for an empty one: it is invalid, keeps the text and names the entry.
    QVERIFY(!list.isEmpty());
    QVERIFY(!list.isValid());
    QVERIFY(list.rules().isEmpty());
    QCOMPARE(list.error(), error);
    QCOMPARE(list.toString(), text);
}

void TestAccessList::matchesPrefixBoundaries_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<bool>("matches");

    QTest::newRow("/8 first") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.0.0.0") << true;
    QTest::newRow("/8 last") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.255.255.255") << true;
    QTest::newRow("/8 below") << QStringLiteral("10.0.0.0/8") << QStringLiteral("9.255.255.255") << false;
    QTest::newRow("/8 above") << QStringLiteral("10.0.0.0/8") << QStringLiteral("11.0.0.0") << false;
    QTest::newRow("/31 pair") << QStringLiteral("192.168.1.2/31") << QStringLiteral("192.168.1.3") << true;
    QTest::newRow("/31 outside") << QStringLiteral("192.168.1.2/31") << QStringLiteral("192.168.1.4") << false;
    QTest::newRow("/32 exact") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("/32 neighbour") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.2") << false;
    QTest::newRow("/0 all ipv4") << QStringLiteral("0.0.0.0/0") << QStringLiteral("203.0.113.9") << true;
    QTest::newRow("/0 ipv4 not ipv6") << QStringLiteral("0.0.0.0/0") << QStringLiteral("::1") << false;
    QTest::newRow("ipv6 /128") << QStringLiteral("::1") << QStringLiteral("::1") << true;
    QTest::newRow("ipv6 /128 neighbour") << QStringLiteral("::1") << QStringLiteral("::2") << false;
    QTest::newRow("ipv6 /64 in") << QStringLiteral("2001:db8::/64") << QStringLiteral("2001:db8::ffff:1") << true;
    QTest::newRow("ipv6 /64 out") << QStringLiteral("2001:db8::/64") << QStringLiteral("2001:db8:0:1::1")
                                  << false;
    // An IPv4 peer is also ::ffff:a.b.c.d, whichever socket it came in on: ::/0 covers everyone.
    QTest::newRow("ipv6 /0, ipv4 peer") << QStringLiteral("::/0") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("ipv6 /0, mapped peer") << QStringLiteral("::/0") << QStringLiteral("::ffff:10.1.2.3") << true;
    QTest::newRow("ipv6 /96 mapped range, ipv4 peer") << QStringLiteral("::ffff:0.0.0.0/96")
                                                      << QStringLiteral("192.0.2.1") << true;
    QTest::newRow("ipv6 /8, ipv4 peer") << QStringLiteral("fd00::/8") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("ipv6 loopback, ipv4 loopback") << QStringLiteral("::1") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("mapped peer, ipv4 rule") << QStringLiteral("127.0.0.0/8") << QStringLiteral("::ffff:127.0.0.1")
                                            << true;
    QTest::newRow("mapped peer outside") << QStringLiteral("10.0.0.0/8") << QStringLiteral("::ffff:127.0.0.1")
                                         << false;
    QTest::newRow("mapped peer, bare rule") << QStringLiteral("127.0.0.1") << QStringLiteral("::ffff:127.0.0.1")
                                            << true;
    QTest::newRow("mapped rule, ipv4 peer") << QStringLiteral("::ffff:127.0.0.1") << QStringLiteral("127.0.0.1")
                                            << true;
    // "::" converts to 0.0.0.0 in Qt's toIPv4Address(), but it is not an IPv4 peer.
    QTest::newRow(":: is not 0.0.0.0") << QStringLiteral("0.0.0.0") << QStringLiteral("::") << false;
}

void TestAccessList::matchesPrefixBoundaries()
{
    QFETCH(QString, rule);
    QFETCH(QString, peer);
    QFETCH(bool, matches);
    QString error;
    const AccessList list = AccessList::parse(rule, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(list.match(QHostAddress(peer)) != nullptr, matches);
}

void TestAccessList::denyWinsOverAllow()
{
    const AccessList allow = AccessList::parse(QStringLiteral("127.0.0.0/8"), nullptr);
    const AccessList deny = AccessList::parse(QStringLiteral("10.0.0.0/8 127.0.0.1"), nullptr);
    QCOMPARE(AccessList::refusalReason(allow, deny, QHostAddress(QStringLiteral("127.0.0.1"))),
             QStringLiteral("denied by rule 127.0.0.1/32"));
    QCOMPARE(AccessList::refusalReason(allow, deny, QHostAddress(QStringLiteral("::ffff:127.0.0.1"))),
             QStringLiteral("denied by rule 127.0.0.1/32"));
    QCOMPARE(AccessList::refusalReason(allow, deny, QHostAddress(QStringLiteral("127.0.0.2"))), QString());
    QCOMPARE(AccessList::refusalReason(allow, deny, QHostAddress(QStringLiteral("192.168.0.1"))),
             QStringLiteral("not in the allow list"));
    QCOMPARE(AccessList::refusalReason(allow, deny, QHostAddress(QStringLiteral("10.1.2.3"))),
             QStringLiteral("denied by rule 10.0.0.0/8"));
}

void TestAccessList::emptyAllowListAllowsEveryone()
{
    const AccessList deny = AccessList::parse(QStringLiteral("10.0.0.0/8"), nullptr);
    QCOMPARE(AccessList::refusalReason({}, {}, QHostAddress(QStringLiteral("203.0.113.1"))), QString());
    QCOMPARE(AccessList::refusalReason({}, deny, QHostAddress(QStringLiteral("::1"))), QString());
    QCOMPARE(AccessList::refusalReason({}, deny, QHostAddress(QStringLiteral("10.0.0.1"))),
             QStringLiteral("denied by rule 10.0.0.0/8"));
}

// A list that cannot be read lets nobody in, as allow or as deny.
void TestAccessList::unreadableListsFailClosed()
{
    QString error;
    const AccessList bad = AccessList::parse(QStringLiteral("::1/128, 10.0.0.0/33"), &error);
    QCOMPARE(error, QStringLiteral("\"10.0.0.0/33\": prefix longer than 32"));
    const AccessList none;
    for (const QString &peer : {QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("10.0.0.1")}) {
        const QHostAddress address(peer);
        QVERIFY2(AccessList::refusalReason(bad, none, address).contains(QStringLiteral("allow list cannot be read")),
                 qPrintable(peer));
        QVERIFY2(AccessList::refusalReason(none, bad, address).contains(QStringLiteral("deny list cannot be read")),
                 qPrintable(peer));
    }
    const AccessList invalid = AccessList::invalid(QStringLiteral("x"), QStringLiteral("not a list"));
    QVERIFY(!invalid.isValid());
    QVERIFY(invalid != none);
    QCOMPARE(invalid.toString(), QStringLiteral("x"));
}

void TestAccessList::roundTripsThroughText()
{
    QString error;
    const AccessList list = AccessList::parse(QStringLiteral("10.0.0.0/8 ::1 fd00::/8 192.0.2.7"), &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(list.rules().size(), 4);
    QCOMPARE(AccessList::parse(list.toString(), &error), list);
    QVERIFY(error.isEmpty());
}

QTEST_GUILESS_MAIN(TestAccessList)
#include "tst_accesslist.moc"
