#pragma once

#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>

// A list of networks in CIDR notation (10.0.0.0/8, ::1/128; a bare address is a single host),
// checked against the address of each accepted peer. A peer is the same whichever socket it
// arrived on: an IPv4 peer named ::ffff:a.b.c.d by a dual-stack socket matches IPv4 rules as
// a.b.c.d, and every IPv4 peer matches IPv6 rules as ::ffff:a.b.c.d, so ::/0 covers everyone.
//
// A list that could not be read whole is invalid, and fails closed: an invalid allow list lets
// nobody in, an invalid deny list shuts everyone out, and a listener refuses to start with one.
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
    // an invalid list keeping the text is returned; error is cleared on success.
    static AccessList parse(const QString &text, QString *error);
    // A list that could not be read, for the reason given; toString() gives back the text.
    static AccessList invalid(const QString &text, const QString &error);
    // Why a peer is refused given both lists, or an empty string when it may connect.
    // Deny wins over allow; an empty allow list allows everyone not denied.
    static QString refusalReason(const AccessList &allow, const AccessList &deny, const QHostAddress &peer);

    // Empty and valid: the list says nothing (an empty allow list allows everyone).
    bool isEmpty() const { return m_error.isEmpty() && m_rules.isEmpty(); }
    bool isValid() const { return m_error.isEmpty(); }
    // Why the list could not be read, naming the entry; empty for a valid list.
    const QString &error() const { return m_error; }
    const QList<Rule> &rules() const { return m_rules; }
    // The first rule containing the address, or nullptr.
    const Rule *match(const QHostAddress &address) const;
    // The rules in canonical text, separated by ", "; parse() reads it back. An invalid list
    // gives back the text it was read from, so the user can mend it.
    QString toString() const;

    bool operator==(const AccessList &other) const;
    bool operator!=(const AccessList &other) const { return !(*this == other); }

private:
    QList<Rule> m_rules;
    QString m_error;
    QString m_text; // only for an invalid list: what could not be read
};
