#pragma once

#include <QHash>
#include <QSortFilterProxyModel>

class ConnectionTableModel;
struct ConnectionInfo;

// The connections table as shown: sorted by ConnectionTableModel::RawValueRole, and narrowed to
// the rows whose number ("#12"), peer or state contains the filter text, ignoring case, and to
// one listener's connections when one is chosen.
// Built for 10,000 rows: the filter reads three fields of each connection rather than
// formatting all ten cells, and peer texts are formatted once per connection, not on every
// comparison of a sort.
class ConnectionFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionFilterProxyModel)

public:
    explicit ConnectionFilterProxyModel(QObject *parent = nullptr);
    ~ConnectionFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *model) override;

    // A fixed substring, without the surrounding spaces; empty shows every row.
    const QString &filterText() const { return m_text; }
    void setFilterText(const QString &text);
    // Only the connections this listener accepted; 0 for every listener. Combined with the text.
    int listenerId() const { return m_listenerId; }
    void setListenerId(int id);
    // A text or a listener narrows the rows.
    bool isFiltering() const { return !m_text.isEmpty() || m_listenerId != 0; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool numberMatches(quint64 id) const;
    QString peerText(const ConnectionInfo &info) const;
    QString localText(const ConnectionInfo &info) const;

    ConnectionTableModel *m_connections = nullptr;
    QString m_text;
    int m_listenerId = 0;
    QString m_digits;             // the text without a leading '#', when it is a number
    bool m_numberPrefix = false;  // "#12" matches the numbers that begin with 12
    bool m_numberCanMatch = false;
    quint32 m_matchingStates = 0; // bit n: the text of ConnectionState(n) matches
    // By connection id: a connection's endpoints never change, so the texts never go stale.
    mutable QHash<quint64, QString> m_peerTexts;
    mutable QHash<quint64, QString> m_localTexts;
};
