#pragma once

#include <QPalette>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLineEdit;
class QMessageBox;

// What the window suites read and type, as a person would: widgets found by object name.

// The named child widget; a missing one ends the test run, since every later step needs it.
template<typename T>
T *child(QWidget *window, const char *name)
{
    T *widget = window->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child widget %s", name);
    return widget;
}

// The port the state badge says the window listens on; 0 when it does not.
quint16 listeningPort(QWidget *window);
// Selects the field's text and types the new text over it.
void replaceText(QLineEdit *edit, const QString &text);
// The message box on screen, or nullptr.
QMessageBox *visibleMessageBox(QWidget *window);
// Widgets narrower than their minimum, and neighbours that overlap, as text for a failure.
QStringList layoutProblems(QWidget *window);
// The same with each page of the named tab widget shown in turn.
QStringList layoutProblemsOnEveryTab(QWidget *window, const char *tabsName);
// A dark palette for the Fusion style, as a dark desktop theme gives.
QPalette darkPalette();
