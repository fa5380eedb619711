#include "flowlayout.h"

#include <QStyle>
#include <QWidget>

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

FlowLayout *FlowLayout::replaceLayout(QWidget *container)
{
    QList<QWidget *> widgets;
    QMargins margins;
    if (QLayout *old = container->layout()) {
        margins = old->contentsMargins();
        for (int i = 0; i < old->count(); ++i) {
            if (QWidget *widget = old->itemAt(i)->widget())
                widgets.append(widget);
        }
        delete old;
    }
    auto *flow = new FlowLayout(container);
    flow->setContentsMargins(margins);
    for (QWidget *widget : widgets)
        flow->addWidget(widget);
    return flow;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item: everything else can wrap.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one row.
    int width = 0;
    int height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += (width > 0 ? horizontalGap() : 0) + item->sizeHint().width();
        height = qMax(height, item->sizeHint().height());
    }
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int hGap = horizontalGap();
    const int vGap = verticalGap();
    int y = area.y();
    qsizetype first = 0;
    // One row at a time: as many items as fit, then each centred on the row's height.
    while (first < m_items.size()) {
        int width = 0;
        int height = 0;
        qsizetype end = first;
        for (; end < m_items.size(); ++end) {
            const QLayoutItem *item = m_items.at(end);
            if (item->isEmpty())
                continue;
            const int itemWidth = item->sizeHint().width();
            const int next = width + (width > 0 ? hGap : 0) + itemWidth;
            if (width > 0 && next > area.width())
                break;
            width = next;
            height = qMax(height, item->sizeHint().height());
        }
        if (apply) {
            int x = area.x();
            for (qsizetype i = first; i < end; ++i) {
                QLayoutItem *item = m_items.at(i);
                if (item->isEmpty())
                    continue;
                const QSize hint = item->sizeHint();
                const int itemWidth = qMin(hint.width(), area.width());
                item->setGeometry(QRect(x, y + (height - hint.height()) / 2, itemWidth, hint.height()));
                x += itemWidth + hGap;
            }
        }
        if (height > 0)
            y += height + vGap;
        first = end;
    }
    const int used = y > area.y() ? y - vGap - area.y() : 0;
    const QMargins margins = contentsMargins();
    return used + margins.top() + margins.bottom();
}

int FlowLayout::horizontalGap() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *owner = parentWidget();
    return owner ? owner->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, owner) : 6;
}

int FlowLayout::verticalGap() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *owner = parentWidget();
    return owner ? owner->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, owner) : 6;
}
