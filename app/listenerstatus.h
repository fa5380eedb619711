#pragma once

#include <QHostAddress>
#include <QMetaType>
#include <QString>

enum class ListenerState : quint8 { Stopped, Listening, Error };

// Where the listening socket stands; sent to the UI whenever it changes.
struct ListenerStatus
{
    ListenerState state = ListenerState::Stopped;
    QHostAddress address;
    quint16 port = 0;
    int backlog = 0;
    bool paused = false; // accepting paused: new connections wait in the kernel's queue
    QString errorString;

    // "Listening on 127.0.0.1:9000, backlog 5", "Stopped", "Error: ..."
    QString text() const;
};

Q_DECLARE_METATYPE(ListenerStatus)
