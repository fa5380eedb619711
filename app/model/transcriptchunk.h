#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

// One piece of a connection's conversation, as it crossed the socket.
struct TranscriptChunk
{
    enum class Direction : quint8 {
        Received, // peer -> server
        Sent,     // server -> peer
    };

    qint64 timestampMs = 0; // ms since the epoch
    Direction direction = Direction::Received;
    QByteArray data;
    quint64 sequence = 0; // 1, 2, 3... per connection, to send only what is new
    int rule = 0; // the response rule (from 1) whose reply this is; 0 for any other bytes
    // Forward mode: received bytes went on to the upstream (client -> upstream), sent ones came
    // from it (upstream -> client). False for what the server itself sent.
    bool relayed = false;
};

Q_DECLARE_METATYPE(TranscriptChunk)
