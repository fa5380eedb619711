#include "rulematcher.h"

RuleMatcher::RuleMatcher(const QList<ResponseRule> &rules)
    : m_rules(rules)
{
    for (int i = 0; i < m_rules.size(); ++i) {
        const ResponseRule &rule = m_rules.at(i);
        if (!rule.check().isEmpty())
            continue;
        m_usable.append(i);
        const QByteArray delimiter = rule.delimiterBytes();
        if (rule.scope == ResponseRule::Scope::Line && !m_delimiters.contains(delimiter))
            m_delimiters.append(delimiter);
    }
}

QList<RuleMatcher::Response> RuleMatcher::feed(const QByteArray &data)
{
    QList<Response> responses;
    if (m_usable.isEmpty() || data.isEmpty())
        return responses;
    if (const std::optional<Response> chunk = firstMatch(data, ResponseRule::Scope::Chunk, {}))
        responses.append(*chunk);
    for (const QByteArray &delimiter : std::as_const(m_delimiters)) {
        QByteArray &line = m_lines[delimiter];
        line += data;
        qsizetype start = 0;
        for (;;) {
            const qsizetype end = line.indexOf(delimiter, start);
            const bool tooLong = end < 0 && line.size() - start > ResponseRule::MaxLineBytes;
            if (end < 0 && !tooLong)
                break;
            const qsizetype stop = end < 0 ? line.size() : end;
            const QByteArray unit = line.mid(start, stop - start);
            if (const std::optional<Response> found = firstMatch(unit, ResponseRule::Scope::Line, delimiter))
                responses.append(*found);
            start = end < 0 ? line.size() : end + delimiter.size();
        }
        line.remove(0, start);
    }
    return responses;
}

std::optional<RuleMatcher::Response> RuleMatcher::firstMatch(const QByteArray &unit, ResponseRule::Scope scope,
                                                             const QByteArray &delimiter) const
{
    for (const int index : m_usable) {
        const ResponseRule &rule = m_rules.at(index);
        if (rule.scope != scope || (scope == ResponseRule::Scope::Line && rule.delimiterBytes() != delimiter))
            continue;
        if (std::optional<QByteArray> reply = rule.respond(unit))
            return Response{index, *reply, rule.delayMs, rule.then};
    }
    return std::nullopt;
}
