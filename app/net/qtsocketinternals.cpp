#include "qtsocketinternals.h"

#include <QAbstractSocket>
#include <QSocketNotifier>

namespace QtSocketInternals {

QList<QSocketNotifier *> notifiers(const QAbstractSocket *socket)
{
    return socket->findChildren<QSocketNotifier *>();
}

QSocketNotifier *readNotifier(const QAbstractSocket *socket)
{
    const QList<QSocketNotifier *> found = notifiers(socket);
    for (QSocketNotifier *notifier : found) {
        if (notifier->type() == QSocketNotifier::Read)
            return notifier;
    }
    return nullptr;
}

} // namespace QtSocketInternals
