#pragma once

#include <QLayout>
#include <QList>

// Lays its items out left to right and wraps them onto the next row when the width runs out, so a
// toolbar fits a narrow window or a longer language instead of widening the window. Items that
// belong together (a label and its field) go in one widget so they wrap as one.
class FlowLayout final : public QLayout
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowLayout)

public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    // Puts a flow layout on container in place of the one its form gave it, with the same
    // widgets in order and the same margins; spacers are dropped.
    static FlowLayout *replaceLayout(QWidget *container);

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in rect (or only measures, when apply is false); the height used.
    int arrange(const QRect &rect, bool apply) const;
    int horizontalGap() const;
    int verticalGap() const;

    QList<QLayoutItem *> m_items;
};
