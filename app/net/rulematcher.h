#pragma once

#include "responserule.h"

#include <QByteArray>
#include <QHash>
#include <QList>

// What one connection's response rules answer as its bytes arrive. Each read is tried against
// the chunk rules; each complete line against the line rules of its delimiter. In each case the
// rules are tried in order and the first match answers. It keeps the unfinished line of each
// delimiter, at most ResponseRule::MaxLineBytes.
class RuleMatcher final
{
public:
    struct Response
    {
        int rule = -1; // the rule's position in the list, from 0
        QByteArray reply;
        int delayMs = 0;
        ResponseRule::Then then = ResponseRule::Then::KeepOpen;
    };

    // Rules that do not check are left out, and keep their positions for the others.
    explicit RuleMatcher(const QList<ResponseRule> &rules = {});

    bool isEmpty() const { return m_usable.isEmpty(); }
    // The answers to these bytes, in the order their matches complete.
    QList<Response> feed(const QByteArray &data);

private:
    std::optional<Response> firstMatch(const QByteArray &unit, ResponseRule::Scope scope,
                                       const QByteArray &delimiter) const;

    QList<ResponseRule> m_rules;
    QList<int> m_usable;                   // positions of the rules that check, in order
    QList<QByteArray> m_delimiters;        // of the usable line rules, each once
    QHash<QByteArray, QByteArray> m_lines; // delimiter -> the line so far
};
