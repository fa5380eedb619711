#pragma once

#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>

// A list of networks in CIDR notation (10.0.0.0/8, ::1/128; a bare address is a single host),
// checked against the address of each accepted peer. IPv4-mapped IPv6 peers (::ffff:127.0.0.1)
// match IPv4 rules, as a dual-stack socket names IPv4 clients that way.
class AccessList final
{
public:
    static constexpr int MaxRules = 1000;

    struct Rule
    {
        QHostAddress network; // host bits cleared
        int prefixLength = 0;

        // Canonical text: 10.0.0.0/8, ::1/128.
        QString text() const;
        bool contains(const QHostAddress &address) const;
        bool operator==(const Rule &other) const;
    };

    // Entries separated by commas, spaces or newlines. On a bad entry the error names it and
    // an empty list is returned; error is cleared on success.
    static AccessList parse(const QString &text, QString *error);
    // Why a peer is refused given both lists, or an empty string when it may connect.
    // Deny wins over allow; an empty allow list allows everyone not denied.
    static QString refusalReason(const AccessList &allow, const AccessList &deny, const QHostAddress &peer);

    bool isEmpty() const { return m_rules.isEmpty(); }
    const QList<Rule> &rules() const { return m_rules; }
    // The first rule containing the address, or nullptr.
    const Rule *match(const QHostAddress &address) const;
    // The rules in canonical text, separated by ", "; parse() reads it back.
    QString toString() const;

    bool operator==(const AccessList &other) const { return m_rules == other.m_rules; }
    bool operator!=(const AccessList &other) const { return !(*this == other); }

private:
    QList<Rule> m_rules;
};
