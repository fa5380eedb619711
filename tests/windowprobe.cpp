#include "windowprobe.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTabWidget>
#include <QtTest>

quint16 listeningPort(QWidget *window)
{
    static const QRegularExpression pattern(QStringLiteral("^Listening on .*:(\\d+), backlog \\d+$"));
    const QRegularExpressionMatch match = pattern.match(child<QLabel>(window, "stateBadge")->text());
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

void replaceText(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

QMessageBox *visibleMessageBox(QWidget *window)
{
    const QList<QMessageBox *> boxes = window->findChildren<QMessageBox *>();
    for (QMessageBox *box : boxes) {
        if (box->isVisible())
            return box;
    }
    return nullptr;
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor muted(0x80, 0x80, 0x80);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, muted);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::red);
    palette.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    palette.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    palette.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6a, 0xb0, 0xf3));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, muted);
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    return palette;
}

// Widgets narrower than their minimum, and neighbours that overlap. An item view's and a spin
// box's, combo box's or line edit's own parts are theirs to place.
QStringList layoutProblems(QWidget *window)
{
    const auto isComposite = [](const QWidget *widget) {
        return qobject_cast<const QAbstractScrollArea *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
            || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QLineEdit *>(widget);
    };
    QStringList problems;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->isWindow() || !widget->isVisibleTo(window) || isComposite(widget->parentWidget()))
            continue;
        const QSize hint = widget->minimumSizeHint();
        if (hint.isValid() && widget->sizePolicy().horizontalPolicy() != QSizePolicy::Ignored
            && widget->width() < hint.width()) {
            problems << QStringLiteral("%1 (%2) is %3 px wide, needs %4")
                            .arg(widget->objectName(), QString::fromLatin1(widget->metaObject()->className()))
                            .arg(widget->width())
                            .arg(hint.width());
        }
        if (isComposite(widget))
            continue;
        QList<QWidget *> siblings;
        for (QObject *object : widget->children()) {
            auto *sibling = qobject_cast<QWidget *>(object);
            if (sibling && !sibling->isWindow() && sibling->isVisibleTo(window))
                siblings << sibling;
        }
        for (qsizetype i = 0; i < siblings.size(); ++i) {
            for (qsizetype j = i + 1; j < siblings.size(); ++j) {
                if (siblings.at(i)->geometry().intersects(siblings.at(j)->geometry()))
                    problems << QStringLiteral("%1 overlaps %2").arg(siblings.at(i)->objectName(), siblings.at(j)->objectName());
            }
        }
    }
    return problems;
}

QStringList layoutProblemsOnEveryTab(QWidget *window, const char *tabsName)
{
    auto *tabs = child<QTabWidget>(window, tabsName);
    QStringList problems;
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        problems << layoutProblems(window);
    }
    return problems;
}
