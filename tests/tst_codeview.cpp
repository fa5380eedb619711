// CodeView: the printed program follows the language box and the settings, Copy puts exactly
// the shown text on the clipboard, and the peer's greeting shows as plain text.

#include "codegenerator.h"
#include "codeview.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTextDocument>
#include <QFontMetricsF>
#include <QtTest>

namespace {

constexpr int Timeout = 5000;

struct Parts
{
    QComboBox *language = nullptr;
    QPlainTextEdit *text = nullptr;
    QPushButton *copy = nullptr;
};

Parts partsOf(CodeView &view)
{
    return {view.findChild<QComboBox *>(QStringLiteral("codeLanguageCombo")),
            view.findChild<QPlainTextEdit *>(QStringLiteral("codeText")),
            view.findChild<QPushButton *>(QStringLiteral("copyCodeButton"))};
}

} // namespace

class TestCodeView : public QObject
{
    Q_OBJECT

private slots:
    void parts();
    void switchLanguage();
    void followsSettings();
    void copy();
    void plainText();
};

// What the window shows before it is given settings: the Python for the defaults, read-only,
// in a fixed-width font, unwrapped.
void TestCodeView::parts()
{
    CodeView view;
    const Parts parts = partsOf(view);
    QVERIFY(parts.language && parts.text && parts.copy);
    QCOMPARE(parts.language->count(), 2);
    QCOMPARE(parts.language->itemText(0), QStringLiteral("Python"));
    QCOMPARE(parts.language->itemText(1), QStringLiteral("C++ (Qt)"));
    QCOMPARE(parts.copy->text(), QStringLiteral("Copy"));
    QVERIFY(parts.text->isReadOnly());
    QCOMPARE(parts.text->lineWrapMode(), QPlainTextEdit::NoWrap);
    // Monospaced as drawn: QFontInfo::fixedPitch() is false for some monospaced fonts (Noto Sans
    // Mono), so the widths themselves are compared.
    const QFontMetricsF metrics(parts.text->font());
    QCOMPARE(metrics.horizontalAdvance(QLatin1Char('i')), metrics.horizontalAdvance(QLatin1Char('W')));
    QCOMPARE(metrics.horizontalAdvance(QLatin1Char('.')), metrics.horizontalAdvance(QLatin1Char('m')));
    QCOMPARE(view.language(), CodeView::Language::Python);
    QCOMPARE(parts.text->toPlainText(), CodeGenerator::python(CodeSettings{}));
}

void TestCodeView::switchLanguage()
{
    CodeView view;
    CodeSettings settings;
    settings.mode = ServerMode::Echo;
    view.setSettings(settings);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Parts parts = partsOf(view);
    QSignalSpy changed(&view, &CodeView::languageChanged);

    // Open the box with the mouse and choose the second entry, as a person does.
    QTest::mouseClick(parts.language, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(parts.language->view()->isVisible(), Timeout);
    QTest::keyClick(parts.language->view(), Qt::Key_Down);
    QTest::keyClick(parts.language->view(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!parts.language->view()->isVisible(), Timeout);
    QCOMPARE(parts.language->currentText(), QStringLiteral("C++ (Qt)"));
    QCOMPARE(view.language(), CodeView::Language::Cpp);
    QCOMPARE(parts.text->toPlainText(), CodeGenerator::cpp(settings));
    QVERIFY(parts.text->toPlainText().contains(QLatin1String("QTcpServer server;")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<CodeView::Language>(), CodeView::Language::Cpp);

    // And back with the keyboard on the closed box.
    parts.language->setFocus();
    QTest::keyClick(parts.language, Qt::Key_Up);
    QCOMPARE(view.language(), CodeView::Language::Python);
    QCOMPARE(parts.text->toPlainText(), CodeGenerator::python(settings));
    QCOMPARE(changed.count(), 2);
}

void TestCodeView::followsSettings()
{
    CodeView view;
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Parts parts = partsOf(view);
    QSignalSpy textChanged(parts.text, &QPlainTextEdit::textChanged);

    CodeSettings settings;
    settings.port = 4242;
    settings.backlog = 12;
    settings.mode = ServerMode::Discard;
    view.setSettings(settings);
    QCOMPARE(view.settings(), settings);
    QCOMPARE(parts.text->toPlainText(), CodeGenerator::python(settings));
    QVERIFY(parts.text->toPlainText().contains(QLatin1String("PORT = 4242")));
    QVERIFY(parts.text->toPlainText().contains(QLatin1String("BACKLOG = 12")));
    QVERIFY(textChanged.count() > 0);

    // The same settings again change nothing.
    textChanged.clear();
    view.setSettings(settings);
    QCOMPARE(textChanged.count(), 0);

    // A reader scrolled down stays where they were when a setting changes.
    QScrollBar *scrollBar = parts.text->verticalScrollBar();
    QVERIFY(scrollBar->maximum() > 0);
    scrollBar->setValue(scrollBar->maximum() / 2);
    const int position = scrollBar->value();
    settings.address = QHostAddress(QHostAddress::LocalHostIPv6);
    view.setSettings(settings);
    QCOMPARE(parts.text->toPlainText(), CodeGenerator::python(settings));
    QVERIFY(parts.text->toPlainText().contains(QLatin1String("socket.AF_INET6")));
    QCOMPARE(scrollBar->value(), position);

    view.setLanguage(CodeView::Language::Cpp);
    settings.mode = ServerMode::AcceptAndClose;
    view.setSettings(settings);
    QCOMPARE(parts.text->toPlainText(), CodeGenerator::cpp(settings));
    QVERIFY(parts.text->toPlainText().contains(QLatin1String("QHostAddress::LocalHostIPv6")));
}

void TestCodeView::copy()
{
    CodeView view;
    CodeSettings settings;
    settings.mode = ServerMode::Greeting;
    settings.greeting = QByteArray("Hello\0\r\n", 8);
    view.setSettings(settings);
    view.setLanguage(CodeView::Language::Cpp);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setText(QStringLiteral("something else"));

    QTest::mouseClick(partsOf(view).copy, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(clipboard->text(), CodeGenerator::cpp(settings), Timeout);
    QCOMPARE(clipboard->text(), view.code());
    QVERIFY(clipboard->text().contains(QLatin1String("\"Hello\\0\\r\\n\"")));
}

// Markup in the greeting is text: it shows as typed and is never rendered.
void TestCodeView::plainText()
{
    CodeView view;
    CodeSettings settings;
    settings.mode = ServerMode::Greeting;
    settings.greeting = QByteArray("<b>bold</b> &amp; <img src=x>");
    view.setSettings(settings);
    const Parts parts = partsOf(view);
    QVERIFY(parts.text->toPlainText().contains(QLatin1String("b'<b>bold</b> &amp; <img src=x>'")));
    // Rendered as HTML the tags would be gone from the plain text; here they are escaped in it.
    QVERIFY(parts.text->document()->toHtml().contains(QLatin1String("&lt;b&gt;bold&lt;/b&gt;")));
    QVERIFY(!parts.text->document()->toHtml().contains(QLatin1String("<img")));
    view.setLanguage(CodeView::Language::Cpp);
    QVERIFY(parts.text->toPlainText().contains(QLatin1String("\"<b>bold</b> &amp; <img src=x>\"")));
}

QTEST_MAIN(TestCodeView)
#include "tst_codeview.moc"
