#pragma once

#include <QScrollArea>

// A side page that scrolls up and down when the window is short, and is never narrower than what
// it holds, so a small screen shows all of it without clipping anything sideways.
class PaneScrollArea final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaneScrollArea)

public:
    explicit PaneScrollArea(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
