#pragma once

#include <QHostAddress>
#include <QMetaType>
#include <QString>

enum class ListenerState : quint8 { Stopped, Listening, Error };

// The calls that set up a listening socket, in order; None when none of them failed.
enum class LifecycleStep : quint8 { None, Socket, Bind, Listen };

// Where the listening socket stands; sent to the UI whenever it changes.
struct ListenerStatus
{
    ListenerState state = ListenerState::Stopped;
    QHostAddress address;
    quint16 port = 0;
    int backlog = 0;
    bool paused = false; // accepting paused: new connections wait in the kernel's queue
    // Why accepting stopped by itself ("too many open files"); empty unless it did. Kept apart
    // from paused, the user's own choice, so resuming by itself never undoes the user's pause.
    QString pausedReason;
    QString errorString;
    LifecycleStep failedStep = LifecycleStep::None; // where listening failed; None otherwise
    QString errnoName; // the failed call's errno ("EADDRINUSE", "EACCES", ...); empty if unknown
    bool tls = false; // connections are TLS, set before listening began
    QString tlsFingerprint; // SHA-256 of the server's certificate, "AA:BB:..."; empty unless tls

    // "Listening on 127.0.0.1:9000, backlog 5", "Listening (paused: too many open files) on ...",
    // "Stopped", "Error: ..."
    QString text() const;
};

// "socket()", "bind()", "listen()"; empty for None.
QString lifecycleStepName(LifecycleStep step);

Q_DECLARE_METATYPE(ListenerStatus)
