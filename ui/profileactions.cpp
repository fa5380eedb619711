#include "profileactions.h"

#include "listenercontroller.h"
#include "listenerset.h"
#include "profilefile.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

ProfileActions::ProfileActions(ListenerSet *listeners, ListenerController *controller, QWidget *window)
    : QObject(window)
    , m_listeners(listeners)
    , m_controller(controller)
    , m_window(window)
    , m_saveAction(new QAction(tr("&Save profile…"), this))
    , m_openAction(new QAction(tr("&Open profile…"), this))
    , m_lastDirectory(QDir::homePath())
{
    m_saveAction->setObjectName(QStringLiteral("saveProfileAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Save every listener's set-up (address, mode, greeting, access lists, rules, TLS) "
                                "as a JSON profile"));
    m_openAction->setObjectName(QStringLiteral("openProfileAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Replace every listener with those of a JSON profile"));
    connect(m_saveAction, &QAction::triggered, this, &ProfileActions::onSave);
    connect(m_openAction, &QAction::triggered, this, &ProfileActions::onOpen);
}

ProfileActions::~ProfileActions() = default;

bool ProfileActions::save(const QString &path, QString *error)
{
    ProfileFile::Contents contents;
    contents.listeners = m_listeners->configs();
    if (!ProfileFile::save(path, contents, error))
        return false;
    m_controller->note(tr("Saved the profile %1 (%n listener(s))", nullptr, int(contents.listeners.size()))
                           .arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ProfileActions::open(const QString &path, QString *error)
{
    const auto contents = ProfileFile::load(path, error);
    if (!contents) {
        m_controller->note(tr("Profile not opened: %1").arg(*error));
        return false;
    }
    m_listeners->replaceAll(contents->listeners);
    QString line = tr("Opened the profile %1 (%n listener(s), stopped)", nullptr, int(contents->listeners.size()))
                       .arg(QDir::toNativeSeparators(path));
    if (!contents->description.isEmpty())
        line += QStringLiteral(": ") + contents->description;
    m_controller->note(line);
    return true;
}

void ProfileActions::onSave()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save profile"),
                                                      QDir(m_lastDirectory).filePath(QStringLiteral("socketlab-profile.json")),
                                                      tr("Socket Lab profiles (*.json)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    QString error;
    if (!save(path, &error))
        QMessageBox::warning(m_window, tr("Save profile"), tr("The profile was not saved: %1").arg(error));
}

void ProfileActions::onOpen()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open profile"), m_lastDirectory,
                                                      tr("Socket Lab profiles (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    QString error;
    if (!open(path, &error))
        QMessageBox::warning(m_window, tr("Open profile"), tr("Nothing was changed: %1").arg(error));
}
