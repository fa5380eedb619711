// The German translation as a German user sees it: every text of the window translated, the
// lifecycle strip and the badge in German; the .ts files complete; English plurals right.
#include "headlessprocess.h"
#include "windowprobe.h"
#include "lifecyclestrip.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSet>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>

namespace {

constexpr int Timeout = 10000;

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;             // "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;
};

// Every message of a .ts file in the source tree.
QList<TsMessage> readTs(const QString &fileName)
{
    QFile file(QStringLiteral(SOCKETLAB_TS_DIR "/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = {context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus) {
                message.translations = {xml.readElementText()};
                messages.append(message);
            }
        } else if (name == QLatin1String("numerusform")) {
            message.translations.append(xml.readElementText());
            if (message.translations.size() == 2)
                messages.append(message);
        }
    }
    return xml.hasError() ? QList<TsMessage>{} : messages;
}

// %1, %L2, %n, %Ln: the placeholders a translation must keep.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

QString withoutAccelerator(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("&(?=[^&])")));
}

// The environment of a run of the socketlab binary in the C locale, with LANGUAGE set as given.
QProcessEnvironment languageEnvironment(const QString &language)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), language);
    return environment;
}

} // namespace

class TestTranslation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void germanTsIsComplete();
    void englishTsHasOnlyPluralForms();
    void englishPluralForms();
    void windowShowsNoUntranslatedText();
    void lifecycleStripAndBadgeAreGerman();
    void germanWindowFitsSmallScreens();
    void binaryFollowsLanguage_data();
    void binaryFollowsLanguage();
    void binaryUsesEnglishPluralsWithoutALanguage_data();
    void binaryUsesEnglishPluralsWithoutALanguage();

private:
    // The English texts whose German differs, with and without their accelerators.
    QSet<QString> m_untranslated;
    std::unique_ptr<QTranslator> m_translator = std::make_unique<QTranslator>();
};

void TestTranslation::initTestCase()
{
    // Before the window is made: its texts are translated as it builds them.
    QVERIFY(m_translator->load(QStringLiteral(":/i18n/socketlab_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
    for (const TsMessage &message : readTs(QStringLiteral("socketlab_de.ts"))) {
        const QString german = message.translations.value(0);
        if (message.numerus || german == message.source || message.source.size() < 2)
            continue;
        m_untranslated.insert(message.source);
        // "&Port" is "P&ort": the same word, another accelerator, is not an English text left.
        if (withoutAccelerator(german) != withoutAccelerator(message.source))
            m_untranslated.insert(withoutAccelerator(message.source));
    }
    QVERIFY2(m_untranslated.size() > 300, "the German .ts was not read");
}

void TestTranslation::germanTsIsComplete()
{
    const QList<TsMessage> messages = readTs(QStringLiteral("socketlab_de.ts"));
    QVERIFY(messages.size() > 400);
    int numerus = 0;
    for (const TsMessage &message : messages) {
        const QString where = message.context + QLatin1String(": ") + message.source;
        QVERIFY2(message.type.isEmpty(), qPrintable(message.type + QLatin1String(" ") + where));
        for (const QString &translation : message.translations) {
            QVERIFY2(!translation.isEmpty(), qPrintable(where));
            QVERIFY2(placeholders(translation) == placeholders(message.source), qPrintable(where));
        }
        numerus += message.numerus ? 1 : 0;
    }
    QVERIFY(numerus > 10);
}

void TestTranslation::englishTsHasOnlyPluralForms()
{
    const QList<TsMessage> messages = readTs(QStringLiteral("socketlab_en.ts"));
    QVERIFY(!messages.isEmpty());
    for (const TsMessage &message : messages) {
        const QString where = message.context + QLatin1String(": ") + message.source;
        QVERIFY2(message.numerus, qPrintable(where));
        QVERIFY2(message.type.isEmpty(), qPrintable(where));
        QVERIFY2(!message.translations.value(0).contains(QLatin1String("(s)")), qPrintable(where));
    }
}

void TestTranslation::englishPluralForms()
{
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/socketlab_en.qm")));
    QCOMPARE(english.translate("ConnectionTableModel", "%n byte(s) received", nullptr, 1), QStringLiteral("%n byte received"));
    QCOMPARE(english.translate("ConnectionTableModel", "%n byte(s) received", nullptr, 2), QStringLiteral("%n bytes received"));
    // As the app shows it: the translator installed, %n filled in.
    QTranslator *german = m_translator.get();
    QCoreApplication::removeTranslator(german);
    QCoreApplication::installTranslator(&english);
    QCOMPARE(QCoreApplication::translate("Listener", "Sent %n byte(s)", nullptr, 1), QStringLiteral("Sent 1 byte"));
    QCOMPARE(QCoreApplication::translate("Listener", "Sent %n byte(s)", nullptr, 2), QStringLiteral("Sent 2 bytes"));
    QCoreApplication::removeTranslator(&english);
    QCoreApplication::installTranslator(german);
    QCOMPARE(QCoreApplication::translate("Listener", "Sent %n byte(s)", nullptr, 1), QStringLiteral("1 Byte gesendet"));
}

void TestTranslation::windowShowsNoUntranslatedText()
{
    QSettings().clear();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QStringList shown{window.windowTitle()};
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        shown << widget->toolTip() << widget->accessibleName() << widget->statusTip() << widget->whatsThis();
        if (auto *label = qobject_cast<QLabel *>(widget))
            shown << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            shown << button->text();
        if (auto *group = qobject_cast<QGroupBox *>(widget))
            shown << group->title();
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            shown << edit->placeholderText();
        if (auto *menu = qobject_cast<QMenu *>(widget))
            shown << menu->title();
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                shown << combo->itemText(i) << combo->itemData(i, Qt::ToolTipRole).toString();
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                shown << tabs->tabText(i) << tabs->tabToolTip(i);
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            for (int section = 0; section < view->model()->columnCount(); ++section) {
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                    shown << view->model()->headerData(section, Qt::Horizontal, role).toString();
            }
        }
    }
    const QList<QAction *> actions = window.findChildren<QAction *>();
    for (QAction *action : actions)
        shown << action->text() << action->iconText() << action->toolTip() << action->statusTip();

    QStringList untranslated;
    for (const QString &text : std::as_const(shown)) {
        if (m_untranslated.contains(text) || m_untranslated.contains(withoutAccelerator(text)))
            untranslated << text;
    }
    untranslated.removeDuplicates();
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1String(" | "))));
    // The walk saw the window's texts at all: some German ones among them.
    QVERIFY(shown.contains(QStringLiteral("Annahme &pausieren")));
}

void TestTranslation::lifecycleStripAndBadgeAreGerman()
{
    QSettings().clear();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *strip = window.findChild<LifecycleStrip *>();
    QVERIFY(strip);
    auto *badge = child<QLabel>(&window, "stateBadge");
    QCOMPARE(badge->text(), QStringLiteral("Gestoppt"));
    QVERIFY2(strip->text().endsWith(QLatin1String(": gestoppt")), qPrintable(strip->text()));
    QCOMPARE(strip->accessibleName(), QStringLiteral("Lebenszyklus des lauschenden Sockets"));

    replaceText(child<QComboBox>(&window, "addressCombo")->lineEdit(), QStringLiteral("127.0.0.1"));
    replaceText(child<QLineEdit>(&window, "portEdit"), QStringLiteral("0"));
    QTest::mouseClick(child<QAbstractButton>(&window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(badge->text().startsWith(QLatin1String("Lauscht auf 127.0.0.1:")), Timeout);
    QVERIFY2(badge->text().contains(QLatin1String(", Backlog ")), qPrintable(badge->text()));
    // The function names stay as they are; the stage is German.
    QTRY_VERIFY_WITH_TIMEOUT(strip->text().endsWith(QLatin1String(": lauscht")), Timeout);
    QVERIFY2(strip->text().startsWith(QStringLiteral("socket() → bind() → listen(")), qPrintable(strip->text()));
    QTest::mouseClick(child<QAbstractButton>(&window, "stopButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(badge->text(), QStringLiteral("Gestoppt"), Timeout);
}

void TestTranslation::germanWindowFitsSmallScreens()
{
    // German words are longer; the window must still fit a 1024x720 screen (the title bar takes
    // some of its height) with nothing squeezed or overlapping.
    QSettings().clear();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize available(1024, 720 - 32);
    const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
    QVERIFY2(minimum.width() <= available.width() && minimum.height() <= available.height(),
             qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
    window.resize(available);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QStringList problems = layoutProblemsOnEveryTab(&window, "sideTabs");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}

void TestTranslation::binaryFollowsLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("Socket Lab: einen TCP-Server aufbauen");
    QTest::newRow("first of a list") << QStringLiteral("fr:de_AT") << QStringLiteral("Socket Lab: einen TCP-Server aufbauen");
    QTest::newRow("English") << QStringLiteral("en_GB") << QStringLiteral("Socket Lab: build, start and watch");
    QTest::newRow("none") << QString() << QStringLiteral("Socket Lab: build, start and watch");
}

void TestTranslation::binaryUsesEnglishPluralsWithoutALanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("C locale") << QString();
    QTest::newRow("a language the app lacks") << QStringLiteral("fr");
}

// With no language of the app's, the English plural forms still apply: a usage error that
// counts reads "1 connection", never "1 connection(s)". The headless log shows it: one client
// over --max-connections 1.
void TestTranslation::binaryUsesEnglishPluralsWithoutALanguage()
{
    QFETCH(QString, language);
    HeadlessProcess server;
    server.start(qEnvironmentVariable("SOCKETLAB_BINARY"), languageEnvironment(language),
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--max-connections"), QStringLiteral("1")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump()));
    QTcpSocket first;
    first.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(first.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(server.indexOf(QRegularExpression(QStringLiteral("^Connection from "))) >= 0, Timeout);
    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(second.waitForConnected(Timeout));
    const quint16 secondPort = second.localPort();
    // The peer sees the refusal: the server closes at once.
    QTRY_VERIFY_WITH_TIMEOUT(second.state() == QAbstractSocket::UnconnectedState, Timeout);
    const QString refused =
        QStringLiteral("Refused 127.0.0.1:%1: already 1 connection open, the maximum").arg(secondPort);
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(refused) >= 0, qPrintable(server.dump()), Timeout);
    QVERIFY(!server.dump().contains(QLatin1String("(s)")));
}

// main() installs the translator before parsing: --help shows the user's language, as LANGUAGE
// asks even in the C locale (as Qt reads it, before LC_ALL).
void TestTranslation::binaryFollowsLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QProcess process;
    process.setProcessEnvironment(languageEnvironment(language));
    process.start(qEnvironmentVariable("SOCKETLAB_BINARY"), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(Timeout));
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(output.contains(expected), qPrintable(output.left(300)));
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
