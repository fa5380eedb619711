#pragma once

#include <QList>
#include <QString>

struct ListenerStatus;

// The listeners' states in a few words, for the status bar and the window title:
// "2 listening, 1 stopped", "1 failed"; states with none are left out, empty for no listeners.
// Paused listeners count as listening.
QString listenerSummary(const QList<ListenerStatus> &statuses);
