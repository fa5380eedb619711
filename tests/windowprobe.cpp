#include "windowprobe.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
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
