#pragma once

#include "updatebatch.h"

#include <QHash>
#include <QObject>
#include <QString>

class LagMonitor;
class ListenerController;
class QTimer;

// --stats-file: the figures a benchmark reads from the running app, kept as one JSON object in
// a file that is replaced whole five times a second and once more at exit. Times are
// CLOCK_MONOTONIC milliseconds, so another process can compare them with its own clock.
class StatsReporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsReporter)

public:
    static constexpr int WriteIntervalMs = 200;

    // `kind` says which front end runs: "window" or "headless".
    StatsReporter(const QString &path, const QString &kind, ListenerController *controller,
                  QObject *parent = nullptr);
    ~StatsReporter() override;

    // The first frame of the window was painted.
    void markShown();
    // A new measurement: lag and the peak of open connections start over.
    void resetMeasurement();
    // Writes the file now; false with the reason in `error` when it cannot be written.
    bool writeNow(QString *error = nullptr);

    QByteArray toJson() const;

    static double monotonicMs();
    // Resident and peak resident memory of this process in KiB; 0 where unknown.
    static qint64 residentKiB();
    static qint64 peakResidentKiB();

private:
    void onUpdated(const UpdateBatch &batch);

    QString m_path;
    QString m_kind;
    LagMonitor *m_lag = nullptr;
    QTimer *m_writeTimer = nullptr;
    // Only while a batch is handled: the controller may go first at exit, when the last write runs.
    ListenerController *m_controller = nullptr;
    QList<int> m_listenerIds; // the controller's, as of the last batch
    ListenerTotals m_totals; // the sum over the listeners
    QHash<int, int> m_ports; // where each listener listens, by listener id
    int m_windowPeakOpen = 0;
    int m_port = 0; // where the first listener listens, so --listen HOST:0 can be used
    double m_startedMs = 0;
    double m_listeningMs = -1;
    double m_shownMs = -1;
    double m_firstAcceptMs = -1;
    double m_lastAcceptMs = -1;
    double m_resetMs = 0;
    int m_resets = 0;
    bool m_writeFailed = false;
    mutable qint64 m_peakResidentKiB = 0; // the highest resident figure reported so far
};
