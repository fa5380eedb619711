#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

// Paints a push button in a column of each row (Close on an open connection, Start or Stop on a
// listener) with the cell's text, and reports clicks with the row's id. Painting, rather than a
// widget per row, keeps a 10,000-row table cheap.
class RowButtonDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowButtonDelegate)

public:
    // idRole gives the id a click reports; a row whose noButtonRole is true has no button.
    RowButtonDelegate(int idRole, int noButtonRole, QObject *parent = nullptr);
    ~RowButtonDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the button sits inside a cell, at most width wide.
    static QRect buttonRect(const QRect &cellRect, int width);

signals:
    void clicked(quint64 id);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    int m_idRole = 0;
    int m_noButtonRole = 0;
    QPersistentModelIndex m_pressed;
};
