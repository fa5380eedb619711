#include "rowbuttondelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionButton>

RowButtonDelegate::RowButtonDelegate(int idRole, int noButtonRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_idRole(idRole)
    , m_noButtonRole(noButtonRole)
{
}

RowButtonDelegate::~RowButtonDelegate() = default;

QRect RowButtonDelegate::buttonRect(const QRect &cellRect, int width)
{
    // The last column takes the table's spare room; the button keeps its own width.
    QRect rect = cellRect.adjusted(3, 2, -3, -2);
    if (rect.width() > width)
        rect.setWidth(width);
    return rect;
}

void RowButtonDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    // The row's background and selection first, without the text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    if (index.data(m_noButtonRole).toBool())
        return;

    QStyleOptionButton button;
    button.rect = buttonRect(option.rect, sizeHint(option, index).width() - 6);
    button.text = index.data(Qt::DisplayRole).toString();
    button.state = QStyle::State_Enabled | QStyle::State_Raised;
    if (m_pressed == index)
        button.state = (button.state & ~QStyle::State_Raised) | QStyle::State_Sunken;
    button.palette = option.palette;
    button.fontMetrics = option.fontMetrics;
    style->drawControl(QStyle::CE_PushButton, &button, painter, option.widget);
}

QSize RowButtonDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionButton button;
    button.text = index.data(Qt::DisplayRole).toString();
    if (button.text.isEmpty())
        button.text = tr("Close", "verb: close the connection");
    button.fontMetrics = option.fontMetrics;
    const QSize textSize = option.fontMetrics.size(Qt::TextShowMnemonic, button.text);
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    return style->sizeFromContents(QStyle::CT_PushButton, &button, textSize, option.widget)
        + QSize(6, 4);
}

bool RowButtonDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                      const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (index.data(m_noButtonRole).toBool())
        return QStyledItemDelegate::editorEvent(event, model, option, index);

    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !buttonRect(option.rect, sizeHint(option, index).width() - 6).contains(mouse->position().toPoint()))
            break;
        m_pressed = index;
        return true;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const bool wasPressed = m_pressed == index;
        m_pressed = QPersistentModelIndex();
        if (wasPressed && buttonRect(option.rect, sizeHint(option, index).width() - 6).contains(mouse->position().toPoint())) {
            emit clicked(index.data(m_idRole).toULongLong());
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}
