#pragma once

#include <QList>

class QAbstractSocket;
class QSocketNotifier;

// The one place that leans on how Qt builds a socket: QAbstractSocket's native engine keeps its
// read and write QSocketNotifier as children of the socket (Qt 6.4 onward). Nothing public gives
// them, and Connection needs them to see a reset before Qt reads it and to hold back an end of
// stream until the echo is out. tst_qtsocketinternals fails loudly when a Qt version stops
// keeping them there.
namespace QtSocketInternals {

// The socket's notifiers as they are now: the write one appears only once a write waits.
QList<QSocketNotifier *> notifiers(const QAbstractSocket *socket);
// The notifier Qt reads on; nullptr when this Qt keeps it elsewhere.
QSocketNotifier *readNotifier(const QAbstractSocket *socket);

} // namespace QtSocketInternals
