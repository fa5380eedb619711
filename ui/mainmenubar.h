#pragma once

#include <QList>
#include <QMenuBar>
#include <QStringList>

class QAction;
class QMainWindow;

// The window's menu bar: File, Listener, View and Help, built from the window's own actions, so
// a menu entry does what its button does and is enabled when the button is. Help's entries are
// its own: the user guide, the list of shortcuts and About.
class MainMenuBar final : public QMenuBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainMenuBar)

public:
    // The window's actions the menus show.
    struct Actions
    {
        QAction *openProfile = nullptr;
        QAction *saveProfile = nullptr;
        QAction *exportLog = nullptr;
        QAction *exportTranscript = nullptr;
        QAction *startStop = nullptr;
        QAction *pause = nullptr;
        QAction *closeAll = nullptr;
        QAction *clearClosed = nullptr;
        QAction *findConnections = nullptr;
        QList<QAction *> columns; // the table header's, shared with its context menu
        QAction *resetLayout = nullptr;
    };

    explicit MainMenuBar(QMainWindow *window, const Actions &actions);

    // Where the user guide is looked for, in order: installed beside the program, the copy the
    // build writes, then the README in the source tree.
    static QStringList userGuideCandidates();

    void openUserGuide();
    void showShortcuts();
    void showAbout();

private:
    QMainWindow *m_window = nullptr;
};
