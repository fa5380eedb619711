#pragma once

#include "codegenerator.h"

#include <QWidget>

class QComboBox;
class QPlainTextEdit;
class QPushButton;

// The server the app runs, printed as a program a learner can read, copy and run: Python or
// C++ with Qt, following the settings as they change.
class CodeView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeView)

public:
    // In the order of the language box.
    enum class Language { Python, Cpp };
    Q_ENUM(Language)

    explicit CodeView(QWidget *parent = nullptr);

    CodeSettings settings() const { return m_settings; }
    void setSettings(const CodeSettings &settings);
    Language language() const;
    void setLanguage(Language language);
    // The program as shown.
    QString code() const;

signals:
    // The user or setLanguage() chose another language; the window may remember it.
    void languageChanged(CodeView::Language language);

private:
    void regenerate();
    void copyToClipboard();

    QComboBox *m_languageCombo = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copyButton = nullptr;
    CodeSettings m_settings;
};
