#include "codeview.h"

#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

CodeView::CodeView(QWidget *parent)
    : QWidget(parent)
    , m_languageCombo(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_copyButton(new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy"), this))
{
    m_languageCombo->setObjectName(QStringLiteral("codeLanguageCombo"));
    m_languageCombo->addItem(tr("Python"));
    m_languageCombo->addItem(tr("C++ (Qt)"));
    m_languageCombo->setToolTip(tr("The language of the program"));
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_languageCombo);

    m_copyButton->setObjectName(QStringLiteral("copyCodeButton"));
    m_copyButton->setToolTip(tr("Copy the whole program to the clipboard"));

    m_text->setObjectName(QStringLiteral("codeText"));
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    // Code keeps its lines and its columns: no wrapping, one width for every character.
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Program"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(languageLabel);
    bar->addWidget(m_languageCombo);
    bar->addStretch(1);
    bar->addWidget(m_copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_text, 1);

    connect(m_languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        regenerate();
        emit languageChanged(language());
    });
    connect(m_copyButton, &QPushButton::clicked, this, &CodeView::copyToClipboard);
    regenerate();
}

void CodeView::setSettings(const CodeSettings &settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    regenerate();
}

CodeView::Language CodeView::language() const
{
    return m_languageCombo->currentIndex() == int(Language::Cpp) ? Language::Cpp : Language::Python;
}

void CodeView::setLanguage(Language language)
{
    m_languageCombo->setCurrentIndex(int(language));
}

QString CodeView::code() const
{
    return m_text->toPlainText();
}

void CodeView::regenerate()
{
    const QString code =
        language() == Language::Cpp ? CodeGenerator::cpp(m_settings) : CodeGenerator::python(m_settings);
    if (code == m_text->toPlainText())
        return;
    // A change of port or mode should not send the reader back to the top.
    const int vertical = m_text->verticalScrollBar()->value();
    const int horizontal = m_text->horizontalScrollBar()->value();
    m_text->setPlainText(code);
    m_text->verticalScrollBar()->setValue(vertical);
    m_text->horizontalScrollBar()->setValue(horizontal);
}

void CodeView::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(m_text->toPlainText());
}
