#include "responseruletablemodel.h"

ResponseRuleTableModel::ResponseRuleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ResponseRuleTableModel::~ResponseRuleTableModel() = default;

int ResponseRuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int ResponseRuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResponseRuleTableModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid
                                   | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const ResponseRule &rule = m_rules.at(index.row());
    const QString problem = rule.check();
    if (role == ProblemRole)
        return problem;
    if (role == Qt::ToolTipRole)
        return problem.isEmpty() ? QVariant() : QVariant(problem);
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn)
        return rule.enabled ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    switch (Column(index.column())) {
    case EnabledColumn:
        return role == RawValueRole ? QVariant(rule.enabled) : QVariant(QString::number(index.row() + 1));
    case MatchColumn:
        return responseRuleMatchName(rule.match);
    case PatternColumn:
        return rule.pattern;
    case ScopeColumn:
        if (rule.scope == ResponseRule::Scope::Chunk)
            return tr("each chunk");
        return tr("each line (%1)").arg(rule.delimiter);
    case ReplyColumn:
        return rule.replyHex ? tr("hex %1").arg(rule.reply) : rule.reply;
    case DelayColumn:
        if (role == RawValueRole)
            return rule.delayMs;
        return rule.delayMs > 0 ? tr("%1 ms").arg(rule.delayMs) : QString();
    case ThenColumn:
        return responseRuleThenName(rule.then);
    case MatchesColumn: {
        if (m_edited || index.row() >= m_counts.size())
            return role == RawValueRole ? QVariant() : QVariant(QStringLiteral("–"));
        const quint64 count = m_counts.at(index.row());
        return role == RawValueRole ? QVariant(count) : QVariant(QString::number(count));
    }
    case ColumnCount:
        break;
    }
    return {};
}

bool ResponseRuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid) || index.column() != EnabledColumn
        || role != Qt::CheckStateRole)
        return false;
    ResponseRule rule = m_rules.at(index.row());
    rule.enabled = value.value<Qt::CheckState>() == Qt::Checked;
    setRule(index.row(), rule);
    return true;
}

Qt::ItemFlags ResponseRuleTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant ResponseRuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case EnabledColumn:
        return tr("On");
    case MatchColumn:
        return tr("Match");
    case PatternColumn:
        return tr("Pattern");
    case ScopeColumn:
        return tr("Looks at");
    case ReplyColumn:
        return tr("Reply");
    case DelayColumn:
        return tr("Delay");
    case ThenColumn:
        return tr("Then");
    case MatchesColumn:
        return tr("Matches");
    case ColumnCount:
        break;
    }
    return {};
}

void ResponseRuleTableModel::setRules(const QList<ResponseRule> &rules)
{
    beginResetModel();
    m_rules = rules;
    m_counts.clear();
    m_edited = false;
    endResetModel();
}

void ResponseRuleTableModel::setRule(int row, const ResponseRule &rule)
{
    if (row < 0 || row >= m_rules.size() || m_rules.at(row) == rule)
        return;
    m_rules[row] = rule;
    edited();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ResponseRuleTableModel::insertRule(int row, const ResponseRule &rule)
{
    if (row < 0 || row > m_rules.size())
        row = int(m_rules.size());
    beginInsertRows({}, row, row);
    m_rules.insert(row, rule);
    endInsertRows();
    edited();
    return row;
}

void ResponseRuleTableModel::removeRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return;
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    endRemoveRows();
    edited();
}

int ResponseRuleTableModel::moveRule(int row, int by)
{
    const int to = row + by;
    if (row < 0 || row >= m_rules.size() || to < 0 || to >= m_rules.size() || by == 0)
        return row;
    // beginMoveRows names the row the moved one goes before.
    beginMoveRows({}, row, row, {}, by > 0 ? to + 1 : to);
    m_rules.move(row, to);
    endMoveRows();
    edited();
    return to;
}

void ResponseRuleTableModel::setMatchCounts(const QList<quint64> &counts)
{
    if (m_edited || counts == m_counts)
        return;
    m_counts = counts;
    if (!m_rules.isEmpty())
        emit dataChanged(index(0, MatchesColumn), index(int(m_rules.size()) - 1, MatchesColumn));
}

int ResponseRuleTableModel::firstProblemRow() const
{
    for (int row = 0; row < m_rules.size(); ++row) {
        if (!m_rules.at(row).check().isEmpty())
            return row;
    }
    return -1;
}

void ResponseRuleTableModel::edited()
{
    if (m_edited)
        return;
    m_edited = true;
    if (!m_rules.isEmpty())
        emit dataChanged(index(0, MatchesColumn), index(int(m_rules.size()) - 1, MatchesColumn));
}
