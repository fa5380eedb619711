#pragma once

#include <QObject>
#include <QString>

class ListenerController;
class ListenerSet;
class QAction;
class QWidget;

// File ▸ Save profile… and Open profile…: the whole set-up of listeners as one JSON file. Opening
// replaces every listener with the file's, stopped, or changes nothing and says why.
class ProfileActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileActions)

public:
    ProfileActions(ListenerSet *listeners, ListenerController *controller, QWidget *window);
    ~ProfileActions() override;

    QAction *saveAction() const { return m_saveAction; }
    QAction *openAction() const { return m_openAction; }

    // What the actions do once a path is chosen; false with *error set when nothing was done.
    bool save(const QString &path, QString *error);
    bool open(const QString &path, QString *error);

private:
    void onSave();
    void onOpen();

    ListenerSet *m_listeners = nullptr;
    ListenerController *m_controller = nullptr;
    QWidget *m_window = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_openAction = nullptr;
    QString m_lastDirectory;
};
