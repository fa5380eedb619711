#pragma once

#include "listenerconfig.h"

#include <QObject>

class ListenerController;
class ListenerPanel;
class ListenerTableModel;
class ListenersView;
struct UpdateBatch;

// The window's listeners kept in step: the Listeners list's rows, the listeners on the network
// thread and the form, which edits the current one. Adding, duplicating, removing, starting and
// stopping go through here; so does every check that two listeners do not claim one port.
class ListenerSet final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerSet)

public:
    ListenerSet(ListenerController *controller, ListenerPanel *panel, QObject *parent = nullptr);
    ~ListenerSet() override;

    ListenerTableModel *model() const { return m_model; }
    // The list's widget, made once and shown where the window puts it.
    void setView(ListenersView *view);

    // The listeners of the settings; the first becomes the controller's first listener.
    void restore(const QList<ListenerConfig> &configs);
    // Every listener as set up now, the form's edits included.
    QList<ListenerConfig> configs() const;
    int currentId() const { return m_currentId; }
    // Make this listener the current one: the form edits it, the views follow it.
    void follow(int listenerId);

    void applyBatch(const UpdateBatch &batch);
    // The transcript size the inspector sets applies to every listener.
    void setTranscriptCapacity(qsizetype bytes);
    // The form's behaviour, to the current listener.
    void applyCurrentBehaviour();

    void add();
    // A listener set up elsewhere (the command line), started at once.
    void addAndStart(const ListenerConfig &config);
    void duplicate(int listenerId);
    void remove(int listenerId);
    // Every listener replaced with these, stopped (a profile opened): the old ones stop and
    // their connections close.
    void replaceAll(const QList<ListenerConfig> &configs);
    void startOrStop(int listenerId);
    void startAll();
    void stopAll();

signals:
    void currentChanged(int listenerId);
    // A listener was added, removed or edited: the settings keep the list.
    void configsChanged();
    // Something the user asked for could not be done, for the event log.
    void refused(const QString &reason);
    // Something worth knowing that did not stop it (an expired certificate), for the event log.
    void warned(const QString &warning);

private:
    // The form's fields, into the current listener's row.
    void storeForm();
    void showCurrent();
    int addConfig(const ListenerConfig &config);
    // The first port from 9000 on that no listener uses.
    quint16 freePort(quint16 from) const;
    QList<ListenerConfig> othersThan(int listenerId) const;
    // Starts it from its saved fields; false with a reason logged when it cannot.
    bool startFromConfig(int listenerId);
    // Loads a TLS listener's certificate and key (asking for the key's passphrase if need be)
    // and hands them to the controller, or sets plain TCP; false, with the reason shown and
    // logged, when it must not start.
    bool prepareProtocol(int listenerId, const ListenerConfig &config);
    void refuseStart(int listenerId, const QString &reason);

    ListenerController *m_controller = nullptr;
    ListenerPanel *m_panel = nullptr;
    ListenerTableModel *m_model = nullptr;
    ListenersView *m_view = nullptr;
    int m_currentId = 0;
    qsizetype m_transcriptCapacity = 0;
};
