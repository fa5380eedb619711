#pragma once

#include "responserule.h"

#include <QAbstractTableModel>
#include <QList>

// A listener's response rules as the rules dialog edits them, one row each, in the order they are
// tried, with how often each answered. The check box in the first column turns a rule on or off.
class ResponseRuleTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseRuleTableModel)

public:
    enum Column { EnabledColumn, MatchColumn, PatternColumn, ScopeColumn, ReplyColumn, DelayColumn, ThenColumn,
                  MatchesColumn, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // the cell's value as a number or plain string, apart from its text
        ProblemRole,                     // why the row's rule cannot be used; empty when it can
    };

    explicit ResponseRuleTableModel(QObject *parent = nullptr);
    ~ResponseRuleTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The rules in force and their counts: the counts show while the list is unchanged.
    void setRules(const QList<ResponseRule> &rules);
    QList<ResponseRule> rules() const { return m_rules; }
    ResponseRule rule(int row) const { return m_rules.value(row); }
    void setRule(int row, const ResponseRule &rule);
    // A new rule at row (appended when row is out of range); returns its row.
    int insertRule(int row, const ResponseRule &rule);
    void removeRule(int row);
    // Moves the rule one place up (-1) or down (+1); returns its new row.
    int moveRule(int row, int by);
    // How often each rule in force answered, by position; ignored once the list was edited,
    // since positions no longer say which rule is which.
    void setMatchCounts(const QList<quint64> &counts);
    bool isEdited() const { return m_edited; }
    // The first row whose rule cannot be used, or -1.
    int firstProblemRow() const;

private:
    void edited();

    QList<ResponseRule> m_rules;
    QList<quint64> m_counts;
    bool m_edited = false;
};
