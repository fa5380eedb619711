#include "mainmenubar.h"

#include "shortcutsdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QUrl>

#ifndef SOCKETLAB_SOURCE_DIR
#  define SOCKETLAB_SOURCE_DIR ""
#endif
#ifndef SOCKETLAB_BUILD_DIR
#  define SOCKETLAB_BUILD_DIR ""
#endif

namespace {

// The name installer/CMakeLists.txt gives the guide it writes and installs.
const QString GuideFileName = QStringLiteral("user-guide.md");

// Opened rather than exec()'d: the network thread's updates keep arriving meanwhile.
void openMessageBox(QMessageBox *box)
{
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

MainMenuBar::MainMenuBar(QMainWindow *window, const Actions &actions)
    : QMenuBar(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("mainMenuBar"));

    QMenu *file = addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addActions({actions.openProfile, actions.saveProfile});
    file->addSeparator();
    file->addAction(actions.exportLog);
    file->addAction(actions.exportTranscript);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // Through close(), as the title bar's button: the settings are saved the same way.
    connect(quit, &QAction::triggered, window, &QWidget::close);

    QMenu *listener = addMenu(tr("&Listener"));
    listener->setObjectName(QStringLiteral("listenerMenu"));
    listener->addActions({actions.startStop, actions.pause});
    listener->addSeparator();
    listener->addActions({actions.closeAll, actions.clearClosed});

    QMenu *view = addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(actions.findConnections);
    QMenu *columns = view->addMenu(tr("&Columns"));
    columns->setObjectName(QStringLiteral("columnsMenu"));
    columns->addActions(actions.columns);
    view->addSeparator();
    view->addAction(actions.resetLayout);

    QMenu *help = addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *guide = help->addAction(tr("&User guide"));
    guide->setObjectName(QStringLiteral("userGuideAction"));
    guide->setShortcut(QKeySequence(Qt::Key_F1));
    connect(guide, &QAction::triggered, this, &MainMenuBar::openUserGuide);
    QAction *shortcuts = help->addAction(tr("&Keyboard shortcuts"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    connect(shortcuts, &QAction::triggered, this, &MainMenuBar::showShortcuts);
    help->addSeparator();
    QAction *about = help->addAction(QIcon(QStringLiteral(":/icons/socketlab.svg")), tr("&About Socket Lab"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainMenuBar::showAbout);
}

QStringList MainMenuBar::userGuideCandidates()
{
    const QDir appDir(QCoreApplication::applicationDirPath());
    QStringList candidates{
        QDir::cleanPath(appDir.filePath(QStringLiteral("../share/doc/socketlab/") + GuideFileName))};
    const QString buildDir = QStringLiteral(SOCKETLAB_BUILD_DIR);
    if (!buildDir.isEmpty())
        candidates.append(QDir(buildDir).filePath(QStringLiteral("installer/") + GuideFileName));
    const QString sourceDir = QStringLiteral(SOCKETLAB_SOURCE_DIR);
    if (!sourceDir.isEmpty())
        candidates.append(QDir(sourceDir).filePath(QStringLiteral("README.md")));
    return candidates;
}

void MainMenuBar::openUserGuide()
{
    const QStringList candidates = userGuideCandidates();
    for (const QString &path : candidates) {
        if (QFileInfo(path).isFile() && QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("User guide"),
                                tr("The user guide was not found. Looked for:\n%1")
                                    .arg(candidates.join(QLatin1Char('\n'))),
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("userGuideMissingBox"));
    box->setTextFormat(Qt::PlainText);
    openMessageBox(box);
}

void MainMenuBar::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainMenuBar::showAbout()
{
    auto *box = new QMessageBox(m_window);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setWindowTitle(tr("About Socket Lab"));
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/socketlab.svg")).pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>Socket Lab %1</h3>"
                    "<p>A TCP server lab: listen, watch and close connections live.</p>"
                    "<p>Built with Qt %2 (running on Qt %3).</p>"
                    "<p>Licensed under the GNU General Public License, version 3 or later "
                    "(GPL-3.0-or-later).</p>")
                     .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                          QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Ok);
    openMessageBox(box);
}
