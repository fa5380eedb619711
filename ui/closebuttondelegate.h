#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

// Paints a Close push button in each open connection's row and reports clicks on it.
// Painting, rather than a widget per row, keeps a 10,000-row table cheap.
class CloseButtonDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloseButtonDelegate)

public:
    explicit CloseButtonDelegate(QObject *parent = nullptr);
    ~CloseButtonDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the button sits inside a cell, at most width wide.
    static QRect buttonRect(const QRect &cellRect, int width);

signals:
    void closeRequested(quint64 connectionId);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    QPersistentModelIndex m_pressed;
};
